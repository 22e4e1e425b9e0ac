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
        $out = Native::out();
        Native::check(Native::ffi()->zego_generate_token04(Native::appId($appId), Native::text($userId, 'userId'),
            Native::text($secret, 'secret'), $effectiveTimeInSeconds, Native::text($payload, 'payload'), FFI::addr($out)));
        return Native::take($out);
    }

    /** Decodes a token (current GCM or legacy CBC) without checking time or app id. */
    public static function decode(string $token, string $secret): Claims
    {
        $out = Native::out();
        Native::check(Native::ffi()->zego_decode_token04(Native::text($token, 'token'), Native::text($secret, 'secret'), FFI::addr($out)));
        return Claims::fromJson(Native::take($out));
    }

    /**
     * Decodes a token and checks it was made for $appId and is valid at $now (unix seconds; null:
     * the system clock), tolerating $leeway seconds of clock skew. With $requireGcm a legacy CBC
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
        if ($now === 0) {
            throw new InvalidArgumentException('$now must not be 0 (use null for the system clock)', 10);
        }
        if ($requireGcm) {
            return self::verifyWithOptions($token, $secret, $appId, $now, $leeway, $requireGcm);
        }
        $out = Native::out();
        Native::check(Native::ffi()->zego_verify_token04(Native::text($token, 'token'), Native::text($secret, 'secret'),
            Native::appId($appId), $now ?? 0, $leeway, FFI::addr($out)));
        return Claims::fromJson(Native::take($out));
    }

    /** verify through the library's options handle, for the options the short call lacks. */
    private static function verifyWithOptions(
        string $token,
        string $secret,
        int $appId,
        ?int $now,
        int $leeway,
        bool $requireGcm
    ): Claims {
        $ffi = Native::ffi();
        $token = Native::text($token, 'token');
        $secret = Native::text($secret, 'secret');
        $appId = Native::appId($appId);
        $options = $ffi->new('zego_verify_options *');
        Native::check($ffi->zego_verify_options_new(FFI::addr($options)));
        try {
            if ($now !== null) {
                Native::check($ffi->zego_verify_options_set_now($options, $now));
            }
            Native::check($ffi->zego_verify_options_set_leeway($options, $leeway));
            Native::check($ffi->zego_verify_options_set_require_gcm($options, $requireGcm ? 1 : 0));
            // The one secret as a NUL-terminated C string in an array of one pointer.
            $text = $ffi->new('char[' . (strlen($secret) + 1) . ']');
            FFI::memcpy($text, $secret, strlen($secret));
            $secrets = $ffi->new('const char *[1]');
            $secrets[0] = $ffi->cast('const char *', FFI::addr($text[0]));
            $claims = $ffi->new('zego_token_claims *');
            Native::check($ffi->zego_verify_token04_with_options($token, $secrets, 1, $appId, $options,
                FFI::addr($claims), null));
            try {
                $json = Native::out();
                Native::check($ffi->zego_token_claims_to_json($claims, FFI::addr($json)));
                return Claims::fromJson(Native::take($json));
            } finally {
                $ffi->zego_token_claims_free($claims);
            }
        } finally {
            $ffi->zego_verify_options_free($options);
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
