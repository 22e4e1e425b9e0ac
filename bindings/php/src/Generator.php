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
        $out = Native::out();
        Native::check(Native::ffi()->zego_token_generator_generate($this->handle, Native::text($userId, 'userId'),
            $effectiveTimeInSeconds, Native::text($payload, 'payload'), FFI::addr($out)));
        return Native::take($out);
    }

    /** Frees the native generator. Safe to call twice. */
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
