//! The command line, declared with clap.

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

/// Shown by `zego-token --help` only; each subcommand's help stays short and points here.
const AFTER_HELP: &str = "\
SECRETS:
  The ServerSecret is never taken from a plain flag (other users can read a command line). Give it
  in the ZEGO_SERVER_SECRET environment variable, in a file (--secret-file PATH), or on standard
  input (--secret-stdin). decode and verify accept several secrets for key rotation: one per line,
  or several --secret-file flags; the output says which one matched. A secret file holds secrets
  only, one per line: no comments, no byte order mark.

EXIT CODES:
   0  success (verify: the token is valid)
   1  an I/O error
   2  a usage error, including an argument out of its range (--leeway -5, --app-id -1)
   3  no secret, or an invalid secret
   4  invalid input to generate (app id, user id, ttl, payload, room or stream id)
  10  the token is malformed                     14  the token's content is not the claims
  11  the token is not version 04                15  the token has expired
  12  the token's encryption mode is unknown,    16  the token is not yet valid
      or legacy CBC with --require-gcm           17  the token is for another app id
  13  wrong secret, or the token was altered     18  the token is for another user id

  verify --json prints this exit status as \"exit_status\" and the library's error code (the same
  number in the C ABI and every language binding) as \"error_code\".";

const SUBCOMMAND_HELP: &str =
    "The secret comes from ZEGO_SERVER_SECRET, --secret-file or --secret-stdin. Secrets and exit codes: zego-token --help";

/// Generate, decode and verify ZEGO Token04 tokens locally.
#[derive(Parser)]
#[command(name = "zego-token", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Generate a token (current AES-256-GCM format) and print it.
    #[command(after_help = SUBCOMMAND_HELP)]
    Generate(GenerateArgs),
    /// Print a token's claims as JSON (current and legacy formats).
    #[command(after_help = SUBCOMMAND_HELP)]
    Decode(DecodeArgs),
    /// Check a token: exit 0 when it is valid, otherwise a code and a sentence that says why.
    #[command(after_help = SUBCOMMAND_HELP)]
    Verify(VerifyArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: Shell,
    },
}

#[derive(Args)]
pub struct SecretArgs {
    /// Read the secret(s) from this file, one per line (repeatable).
    #[arg(long = "secret-file", value_name = "PATH")]
    pub files: Vec<std::path::PathBuf>,
    /// Read the secret(s) from standard input, one per line.
    #[arg(long = "secret-stdin")]
    pub stdin: bool,
    /// Refused: a secret on the command line is readable by other users.
    #[arg(long = "secret", value_name = "SECRET", hide = true)]
    pub on_argv: Option<String>,
}

#[derive(Args)]
pub struct GenerateArgs {
    /// The ZEGO app id.
    #[arg(long, allow_negative_numbers = true)]
    pub app_id: u32,
    /// The user the token is for (1 to 64 bytes).
    #[arg(long)]
    pub user_id: String,
    /// How long the token is valid, in seconds.
    #[arg(long, default_value_t = 3600, allow_negative_numbers = true)]
    pub ttl: i64,
    /// A payload to embed: JSON text, for example a privilege payload.
    #[arg(long, conflicts_with = "room_id")]
    pub payload: Option<String>,
    /// With --payload: embed the text as it is, even if it is not JSON.
    #[arg(long, requires = "payload")]
    pub raw_payload: bool,
    #[command(flatten)]
    pub room: RoomArgs,
    #[command(flatten)]
    pub secrets: SecretArgs,
}

#[derive(Args)]
pub struct RoomArgs {
    /// Make an RTC room privilege token for this room.
    #[arg(long)]
    pub room_id: Option<String>,
    /// With --room-id: allow logging in to the room.
    #[arg(long, requires = "room_id")]
    pub login: bool,
    /// With --room-id: allow publishing streams.
    #[arg(long, requires = "room_id")]
    pub publish: bool,
    /// With --room-id: a stream id the user may publish (repeatable).
    #[arg(long = "stream-id", value_name = "STREAM_ID", requires = "room_id")]
    pub stream_ids: Vec<String>,
}

#[derive(Args)]
pub struct TokenArg {
    /// The token; "-" reads it from standard input (nothing does too, unless stdin is a terminal).
    pub token: Option<String>,
}

impl TokenArg {
    pub fn is_stdin(&self) -> bool {
        self.token.as_deref().is_none_or(|t| t == "-")
    }
}

#[derive(Args)]
pub struct DecodeArgs {
    #[command(flatten)]
    pub token: TokenArg,
    #[command(flatten)]
    pub secrets: SecretArgs,
}

#[derive(Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub token: TokenArg,
    /// The app id the token must be for.
    #[arg(long, allow_negative_numbers = true)]
    pub app_id: u32,
    /// The user id the token must be for.
    #[arg(long)]
    pub user_id: Option<String>,
    /// Check at this time (unix seconds) instead of now.
    #[arg(long, allow_negative_numbers = true)]
    pub now: Option<i64>,
    /// Tolerated clock skew, in seconds (0 or more).
    #[arg(long, default_value_t = 0, allow_negative_numbers = true,
          value_parser = clap::value_parser!(i64).range(0..))]
    pub leeway: i64,
    /// Refuse tokens in the legacy CBC format, which is not authenticated.
    #[arg(long)]
    pub require_gcm: bool,
    /// Print the verdict as a JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub secrets: SecretArgs,
}
