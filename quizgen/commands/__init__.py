"""One module per `quizgen` subcommand, each exposing `command`; see quizgen.cli.COMMANDS."""
