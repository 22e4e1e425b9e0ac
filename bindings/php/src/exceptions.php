<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * Every zego-token failure. getCode() is the library's stable numeric code (the same in every
 * language); one subclass per reason. Loaded by Composer's "files" autoload, so every class exists
 * before any is thrown or caught.
 */
class ZegoTokenException extends \RuntimeException
{
    private const BY_CODE = [
        1 => InvalidAppIdException::class,
        3 => InvalidUserIdException::class,
        5 => InvalidSecretException::class,
        6 => InvalidEffectiveTimeException::class,
        7 => PayloadTooLargeException::class,
        8 => InvalidRoomIdException::class,
        9 => InvalidStreamIdException::class,
        10 => InvalidArgumentException::class,
        11 => NullPointerException::class,
        12 => InvalidUtf8Exception::class,
        20 => MalformedTokenException::class,
        21 => UnsupportedVersionException::class,
        22 => UnsupportedModeException::class,
        23 => AuthenticationFailedException::class,
        24 => BadPlaintextException::class,
        30 => ExpiredTokenException::class,
        31 => NotYetValidException::class,
        32 => AppIdMismatchException::class,
        33 => UserIdMismatchException::class,
        40 => RandomUnavailableException::class,
    ];

    /** The exception for a library result code. */
    public static function fromCode(int $code, string $message): self
    {
        $class = self::BY_CODE[$code] ?? self::class;
        return new $class($message, $code);
    }
}

/** Code 1: the app id is 0. */
class InvalidAppIdException extends ZegoTokenException {}
/** Code 3: the user id is empty or longer than 64 bytes. */
class InvalidUserIdException extends ZegoTokenException {}
/** Code 5: the secret is not exactly 32 ASCII bytes. */
class InvalidSecretException extends ZegoTokenException {}
/** Code 6: the effective time is <= 0 or the expiry overflows. */
class InvalidEffectiveTimeException extends ZegoTokenException {}
/** Code 7: the plaintext would not fit the token's 16-bit length field. */
class PayloadTooLargeException extends ZegoTokenException {}
/** Code 8: the room id is empty or longer than 128 bytes. */
class InvalidRoomIdException extends ZegoTokenException {}
/** Code 9: a stream id is empty or longer than 256 bytes. */
class InvalidStreamIdException extends ZegoTokenException {}
/** Code 10: an argument is out of range (also a NUL byte in a string). */
class InvalidArgumentException extends ZegoTokenException {}
/** Code 11: a required argument is missing. */
class NullPointerException extends ZegoTokenException {}
/** Code 12: a string is not valid UTF-8. */
class InvalidUtf8Exception extends ZegoTokenException {}
/** Code 20: the token is malformed. */
class MalformedTokenException extends ZegoTokenException {}
/** Code 21: the token does not start with "04". */
class UnsupportedVersionException extends ZegoTokenException {}
/** Code 22: the token's mode byte is not 1. */
class UnsupportedModeException extends ZegoTokenException {}
/** Code 23: wrong secret, or the token was altered. */
class AuthenticationFailedException extends ZegoTokenException {}
/** Code 24: the token decrypts but is not the expected claims. */
class BadPlaintextException extends ZegoTokenException {}
/** Code 30: now >= expire + leeway. */
class ExpiredTokenException extends ZegoTokenException {}
/** Code 31: ctime > now + leeway. */
class NotYetValidException extends ZegoTokenException {}
/** Code 32: the token was made for another app id. */
class AppIdMismatchException extends ZegoTokenException {}
/** Code 33: the token was made for another user id. */
class UserIdMismatchException extends ZegoTokenException {}
/** Code 40: the operating system's random number generator failed. */
class RandomUnavailableException extends ZegoTokenException {}
