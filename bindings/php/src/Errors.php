<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * The exception class for each library result code.
 *
 * @internal
 */
final class Errors
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
        20 => MalformedException::class,
        21 => UnsupportedVersionException::class,
        22 => UnsupportedModeException::class,
        23 => AuthFailedException::class,
        24 => BadPlaintextException::class,
        30 => ExpiredException::class,
        31 => NotYetValidException::class,
        32 => AppIdMismatchException::class,
        33 => UserIdMismatchException::class,
        40 => RandomUnavailableException::class,
        41 => PanicException::class,
    ];

    /** The exception for a library result code (a TokenException for a code without a class). */
    public static function exceptionFor(int $code, string $message): ZegoTokenException
    {
        $class = self::BY_CODE[$code] ?? TokenException::class;
        return new $class($message, $code);
    }
}
