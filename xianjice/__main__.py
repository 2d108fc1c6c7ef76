from xianjice.cli import main

main()
