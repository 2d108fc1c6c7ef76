"""The ``xianjice`` command line: thin commands over the library.

Every command turns :class:`~xianjice.errors.XianjiceError` into one line on
stderr and exit status 2 (see :mod:`xianjice.common`).
"""

from __future__ import annotations

import sys

import click

import importlib

from xianjice import __version__
from xianjice.gctuning import long_lived_heap

#: Each command and the module defining it, in the order ``--help`` lists them.  A command's module is
#: imported only when that command runs (click's "lazily loading subcommands" recipe), so ``xianjice query``
#: does not pay for the extraction pipeline's imports, nor ``xianjice --version`` for any.
COMMANDS = {
    "extract": "xianjice.commands_extract",
    "concepts": "xianjice.commands_extract",
    "build": "xianjice.commands_graph",
    "query": "xianjice.commands_graph",
    "serve": "xianjice.commands_graph",
    "push": "xianjice.commands_graph",
    "central": "xianjice.commands_analysis",
    "themes": "xianjice.commands_analysis",
}


#: Raised by click 8.2+ for a bare ``xianjice``; the help is what to show then.
NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class OneLineErrors(click.Group):
    """A click group whose usage errors are one ``Error:`` line on stderr and exit status 2.

    Click prints its usage block above the message; the tool's rule for bad
    input is one line (see :func:`xianjice.common.clean_errors`), so a bad
    option, a directory given as FILE or a file given as ``-o`` say only
    what is wrong and which ``--help`` to read; its commands load lazily (:data:`COMMANDS`).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return getattr(importlib.import_module(COMMANDS[name]), name)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NO_ARGS_IS_HELP as exc:  # bare `xianjice`: the help, as click shows it
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            _fail(f"{exc.format_message()}{where}", exc.exit_code)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            _fail("aborted", 1)
        sys.exit(rv if isinstance(rv, int) else 0)


def _fail(message: str, status: int) -> None:
    click.echo("Error: " + " ".join(message.split()), err=True)
    sys.exit(status)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xianjice")
def cli() -> None:
    """xianjice (献计策): turn a compilation of proposal essays into a knowledge graph.

    \b
    Start with:
        xianjice build                    # the bundled seed → exports/
        xianjice extract --format table   # what was extracted
        xianjice central --top 10         # the most central concepts
    """


def main() -> None:
    """The console script: the command line with the collector tuned (:mod:`xianjice.gctuning`)."""
    with long_lived_heap():
        cli(prog_name="xianjice")
