<?php

declare(strict_types=1);

namespace ZegoToken;

use FFI;

/**
 * Generate, decode and verify ZEGO Token04 tokens.
 *
 *     $token = Token04::generate(1234567890, 'user_123456', $secret, 3600);
 *     $claims = Token04::verify($token, $secret, 1234567890, null, 30);
 *
 * Failures throw ZegoTokenException subclasses whose getCode() is the library's code.
 */
final class Token04
{
    /** Generates a Token04 (AES-256-GCM); $payload '' for a basic token. */
    public static function generate(int $appId, string $userId, string $secret, int $effectiveTimeInSeconds = 3600, string $payload = ''): string
    {
        $appId = Native::appId($appId);
        Native::text($userId, 'userId');
        Native::text($secret, 'secret');
        Native::text($payload, 'payload');
        $ffi = Native::ffi();
        [$buffer, $capacity, $length] = Native::tokenBuffer();
        $code = $ffi->zego_generate_token04_into($appId, $userId, strlen($userId), $secret, strlen($secret),
            $effectiveTimeInSeconds, $payload, strlen($payload), $buffer, $capacity, $length);
        if ($code === 0) {
            return Native::token();
        }
        return Native::tokenFrom($code, function (FFI\CData $buffer, int $capacity, FFI\CData $length) use ($ffi, $appId, $userId, $secret, $effectiveTimeInSeconds, $payload): int {
            return $ffi->zego_generate_token04_into($appId, $userId, strlen($userId), $secret, strlen($secret),
                $effectiveTimeInSeconds, $payload, strlen($payload), $buffer, $capacity, $length);
        });
    }

    /** Decodes a token (current GCM or legacy CBC) without checking time or app id. */
    public static function decode(string $token, string $secret): Claims
    {
        $out = Native::out();
        Native::check(Native::ffi()->zego_decode_token04(Native::text($token, 'token'), Native::text($secret, 'secret'), FFI::addr($out)));
        return Claims::fromJson(Native::take($out));
    }

    /**
     * Decodes a token and checks it was made for $appId and is valid at $now (unix seconds: any time
     * given is that time, 0 the epoch; null, the default: the system clock), tolerating $leeway
     * seconds of clock skew. With $requireGcm a legacy CBC
     * token (mode "cbc", not authenticated) is refused with UnsupportedModeException.
     */
    public static function verify(
        string $token,
        string $secret,
        int $appId,
        ?int $now = null,
        int $leeway = 0,
        bool $requireGcm = false
    ): Claims {
        $options = VerifyOptions::defaults()->leeway($leeway)->requireGcm($requireGcm);
        return self::verifyWithOptions($token, $secret, $appId, $now === null ? $options : $options->at($now));
    }

    /**
     * Decodes a token and checks it was made for $appId and passes $options (time, leeway,
     * expected user id, legacy format).
     */
    public static function verifyWithOptions(string $token, string $secret, int $appId, VerifyOptions $options): Claims
    {
        return self::verifyWithAny($token, [$secret], $appId, $options)->claims;
    }

    /**
     * Verifies with several secrets tried in order (key rotation); the result also says which one
     * opened the token. AuthFailedException when none does.
     *
     * @param list<string> $secrets
     */
    public static function verifyWithAny(string $token, array $secrets, int $appId, ?VerifyOptions $options = null): Verified
    {
        $ffi = Native::ffi();
        $token = Native::text($token, 'token');
        $appId = Native::appId($appId);
        $count = count($secrets);
        // Each secret as a NUL-terminated C string, and an array of pointers to them.
        $texts = [];
        $array = $ffi->new('const char *[' . max($count, 1) . ']');
        foreach (array_values($secrets) as $i => $secret) {
            if (!is_string($secret)) {
                throw new \TypeError('each secret must be a string');
            }
            $secret = Native::text($secret, 'secret');
            $texts[$i] = $ffi->new('char[' . (strlen($secret) + 1) . ']');
            FFI::memcpy($texts[$i], $secret, strlen($secret));
            $array[$i] = $ffi->cast('const char *', FFI::addr($texts[$i][0]));
        }
        $native = ($options ?? VerifyOptions::defaults())->toNative();
        try {
            $claims = $ffi->new('zego_token_claims *');
            $index = $ffi->new('size_t');
            Native::check($ffi->zego_verify_token04_with_options($token, $array, $count, $appId, $native,
                FFI::addr($claims), FFI::addr($index)));
            return new Verified(Native::takeClaims($claims), (int) $index->cdata);
        } finally {
            $ffi->zego_verify_options_free($native);
        }
    }

    /** The version of the loaded native library. */
    public static function libraryVersion(): string
    {
        return Native::ffi()->zego_token_version();
    }

    /** The library's English sentence for a code. */
    public static function message(int $code): string
    {
        return Native::ffi()->zego_error_message($code);
    }
}
