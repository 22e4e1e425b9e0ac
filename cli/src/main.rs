//! `zego-token`: generate, decode and verify ZEGO Token04 tokens locally, on the server where the
//! secret already lives, instead of pasting it into a web page.

mod args;
mod exit;
mod report;
mod secrets;

use std::io::{IsTerminal as _, Read, Write as _};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use zego_token::{decode_with_any, Generator, Mode, RtcRoomPayload, VerifyOptions};

use args::{Cli, Command, DecodeArgs, GenerateArgs, VerifyArgs};
use exit::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate(args) => generate(args),
        Command::Decode(args) => decode(args),
        Command::Verify(args) => verify(args),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "zego-token", &mut script);
            print_out(&String::from_utf8_lossy(&script))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn generate(args: GenerateArgs) -> Result<(), Failure> {
    let secret = secrets::read_one(&args.secrets)?;
    let payload = match (&args.payload, &args.room.room_id) {
        (Some(payload), _) => {
            if !args.raw_payload && serde_json::from_str::<serde_json::Value>(payload).is_err() {
                return Err(Failure::usage(
                    "--payload is not JSON; pass --raw-payload to embed the text as it is",
                ));
            }
            payload.clone()
        }
        (None, Some(room_id)) => {
            let streams = (!args.room.stream_ids.is_empty()).then(|| args.room.stream_ids.clone());
            RtcRoomPayload::new(room_id.as_str(), args.room.login, args.room.publish, streams)
                .map_err(Failure::invalid_input)?
                .to_json()
        }
        (None, None) => String::new(),
    };
    let generator = Generator::new(args.app_id, &secret).map_err(Failure::invalid_input)?;
    let token = generator
        .generate(&args.user_id, args.ttl, &payload)
        .map_err(Failure::invalid_input)?;
    // Warned only about a token that was made: an invalid --ttl is an error, not a warning.
    if args.ttl < 30 {
        eprintln!(
            "zego-token: warning: ZIM refuses tokens valid for less than 30 seconds (--ttl {})",
            args.ttl
        );
    }
    print_out(&token)
}

fn decode(args: DecodeArgs) -> Result<(), Failure> {
    let secrets = secrets::read_all(&args.secrets, args.token.is_stdin())?;
    let token = read_token(&args.token.token)?;
    let (claims, index) =
        decode_with_any(&token, &secrets).map_err(|e| Failure::token(e, Some(report::failure_sentence(e, None))))?;
    warn_if_legacy(claims.mode);
    warn_of_findings(&claims);
    print_out(&report::ClaimsOut::new(&claims, index, secrets.len()).to_json())
}

fn verify(args: VerifyArgs) -> Result<(), Failure> {
    let secrets = secrets::read_all(&args.secrets, args.token.is_stdin())?;
    let token = read_token(&args.token.token)?;
    let mut options = VerifyOptions::new().leeway(args.leeway);
    if let Some(now) = args.now {
        options = options.at(now);
    }
    if let Some(user_id) = &args.user_id {
        options = options.user_id(user_id.as_str());
    }
    if args.require_gcm {
        options = options.require_gcm();
    }
    let now = args.now.unwrap_or_else(report::unix_now);
    let outcome = zego_token::verdict::check(&token, &secrets, Some(args.app_id), &options);
    let count = secrets.len();
    let expected = report::Expected {
        app_id: args.app_id,
        user_id: args.user_id.as_deref(),
    };
    match outcome {
        Ok((claims, index)) => {
            warn_if_legacy(claims.mode);
            let sentence = report::valid_sentence(&claims, now, index, count);
            if args.json {
                let out = report::ClaimsOut::new(&claims, index, count);
                print_out(&report::VerdictOut::new(None, &sentence, Some(out), now, &expected).to_json())
            } else {
                print_out(&sentence)
            }
        }
        Err((error, claims)) => {
            let sentence = report::failure_sentence(error, claims.as_ref().map(|c| (c, now, &expected)));
            if args.json {
                let out = claims.as_ref().map(|c| report::ClaimsOut::new(c, 0, 1));
                print_out(&report::VerdictOut::new(Some(error), &sentence, out, now, &expected).to_json())?;
                Err(Failure::silent(error))
            } else {
                Err(Failure::token(error, Some(sentence)))
            }
        }
    }
}

/// Says on stderr, once, that a legacy token's claims are not protected.
/// Decode reads every token; values that break a generation rule are said on stderr too.
fn warn_of_findings(claims: &zego_token::Claims) {
    let findings = claims.findings();
    if !findings.is_empty() {
        eprintln!(
            "zego-token: warning: the claims break a generation rule: {} (see \"findings\")",
            findings.rules()
        );
    }
}

fn warn_if_legacy(mode: Mode) {
    if mode == Mode::LegacyCbc {
        eprintln!("zego-token: warning: {}", report::LEGACY_WARNING);
    }
}

/// Prints `text` and a newline on stdout. A reader that has gone away (`| head`) is not an error
/// worth a message: the output is simply no longer wanted.
fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::io("writing to stdout", e)),
        _ => Ok(()),
    }
}

/// The token from the argument, or from standard input for "-" or no argument.
fn read_token(token: &Option<String>) -> Result<String, Failure> {
    match token.as_deref() {
        Some(token) if token != "-" => Ok(token.trim().to_owned()),
        token => {
            if token.is_none() && std::io::stdin().is_terminal() {
                return Err(Failure::usage(
                    "no token given: pass it as an argument, or pipe it on standard input (\"-\")",
                ));
            }
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Failure::io("reading the token from stdin", e))?;
            Ok(text.trim().to_owned())
        }
    }
}
