//! Failures and their exit codes (documented in `--help` and the README).

use std::process::ExitCode;

use zego_token::Error;

/// Why the command failed: an exit code and what to print on stderr.
pub struct Failure {
    code: u8,
    message: Option<String>,
}

impl Failure {
    pub fn io(what: &str, error: std::io::Error) -> Failure {
        Failure {
            code: 1,
            message: Some(format!("{what}: {error}")),
        }
    }

    /// A usage error that clap could not see (exit 2, as clap's own).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: Some(message.into()),
        }
    }

    pub fn secret(message: impl Into<String>) -> Failure {
        Failure {
            code: 3,
            message: Some(message.into()),
        }
    }

    pub fn invalid_input(error: Error) -> Failure {
        let code = if error == Error::InvalidSecret { 3 } else { 4 };
        Failure {
            code,
            message: Some(error.to_string()),
        }
    }

    /// A token that failed to decode or verify, with an explaining sentence when there is one.
    pub fn token(error: Error, sentence: Option<String>) -> Failure {
        match error {
            Error::InvalidSecret => Failure::invalid_input(error),
            _ => Failure {
                code: token_exit_code(error),
                message: Some(sentence.unwrap_or_else(|| error.to_string())),
            },
        }
    }

    /// The exit code of a token failure whose explanation was already printed (`--json`).
    pub fn silent(error: Error) -> Failure {
        Failure {
            code: token_exit_code(error),
            message: None,
        }
    }

    pub fn report(self) -> ExitCode {
        if let Some(message) = self.message {
            eprintln!("zego-token: {message}");
        }
        ExitCode::from(self.code)
    }
}

/// The exit code for each reason a token is refused.
pub fn token_exit_code(error: Error) -> u8 {
    match error {
        Error::Malformed => 10,
        Error::UnsupportedVersion => 11,
        Error::UnsupportedMode => 12,
        Error::AuthFailed => 13,
        Error::BadPlaintext => 14,
        Error::Expired => 15,
        Error::NotYetValid => 16,
        Error::AppIdMismatch => 17,
        Error::UserIdMismatch => 18,
        Error::InvalidSecret => 3,
        _ => 4,
    }
}
