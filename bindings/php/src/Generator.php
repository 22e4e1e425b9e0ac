<?php

declare(strict_types=1);

namespace ZegoToken;

use FFI;

/**
 * Generates tokens for one app id and secret, keeping the expanded key. The native generator is
 * freed (and its key zeroized) by close() or when the object is destroyed.
 */
final class Generator
{
    /** @var FFI\CData|null */
    private $handle;
    /** @var int */
    private $appId;

    public function __construct(int $appId, string $secret)
    {
        $ffi = Native::ffi();
        $out = $ffi->new('zego_token_generator *');
        Native::check($ffi->zego_token_generator_new(Native::appId($appId), Native::text($secret, 'secret'), FFI::addr($out)));
        $this->handle = $out;
        $this->appId = $appId;
    }

    public function getAppId(): int
    {
        return $this->appId;
    }

    /** Generates a token for $userId; $payload '' for a basic token. */
    public function generate(string $userId, int $effectiveTimeInSeconds = 3600, string $payload = ''): string
    {
        if ($this->handle === null) {
            throw new InvalidArgumentException('the generator is closed', 10);
        }
        // The hot path, written out: each PHP-level call here costs a tenth of the token's time.
        if (strpos($userId, "\0") !== false || strpos($payload, "\0") !== false) {
            Native::text($userId, 'userId');
            Native::text($payload, 'payload');
        }
        $ffi = Native::ffi();
        [$buffer, $capacity, $length] = Native::tokenBuffer();
        $code = $ffi->zego_token_generator_generate_into($this->handle, $userId, strlen($userId),
            $effectiveTimeInSeconds, $payload, strlen($payload), $buffer, $capacity, $length);
        if ($code === 0) {
            return Native::token();
        }
        return Native::tokenFrom($code, function (FFI\CData $buffer, int $capacity, FFI\CData $length) use ($ffi, $userId, $effectiveTimeInSeconds, $payload): int {
            return $ffi->zego_token_generator_generate_into($this->handle, $userId, strlen($userId),
                $effectiveTimeInSeconds, $payload, strlen($payload), $buffer, $capacity, $length);
        });
    }

    /** Frees the native generator. Safe to call twice. */
    /** Decodes a token with this generator's secret and kept key (no time or app id check). */
    public function decode(string $token): Claims
    {
        $ffi = Native::ffi();
        $token = Native::text($token, 'token');
        if ($this->handle === null) {
            throw new InvalidArgumentException('the generator is closed', 10);
        }
        $claims = $ffi->new('zego_token_claims *');
        Native::check($ffi->zego_token_generator_decode($this->handle, $token, FFI::addr($claims)));
        return Native::takeClaims($claims);
    }

    /** Verifies a token against this generator's app id and secret, with $options. */
    public function verify(string $token, ?VerifyOptions $options = null): Claims
    {
        $ffi = Native::ffi();
        $token = Native::text($token, 'token');
        if ($this->handle === null) {
            throw new InvalidArgumentException('the generator is closed', 10);
        }
        $native = ($options ?? VerifyOptions::defaults())->toNative();
        try {
            $claims = $ffi->new('zego_token_claims *');
            Native::check($ffi->zego_token_generator_verify($this->handle, $token, $native, FFI::addr($claims)));
            return Native::takeClaims($claims);
        } finally {
            $ffi->zego_verify_options_free($native);
        }
    }

    public function close(): void
    {
        if ($this->handle !== null) {
            Native::ffi()->zego_token_generator_free($this->handle);
            $this->handle = null;
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** @return array<string, mixed> */
    public function __debugInfo(): array
    {
        return ['appId' => $this->appId, 'secret' => '<redacted>'];
    }
}
