<?php

declare(strict_types=1);

namespace ZegoToken;

use DateInterval;
use DateTimeImmutable;
use DateTimeInterface;
use FFI;

/**
 * What a verification checks beyond the token's integrity and app id: the clock, the tolerated
 * skew, the expected user id and whether legacy tokens are accepted. Immutable: each method
 * returns a changed copy.
 *
 *     $options = VerifyOptions::defaults()->leeway(30)->userId('alice')->requireGcm();
 *     $claims = Token04::verifyWithOptions($token, $secret, 1234567890, $options);
 */
final class VerifyOptions
{
    /** @var int|null unix seconds; null: the system clock */
    private $now;
    /** @var int */
    private $leeway = 0;
    /** @var string|null */
    private $userId;
    /** @var bool */
    private $requireGcm = false;

    private function __construct()
    {
    }

    /** The system clock, no leeway, any user id, both formats. */
    public static function defaults(): self
    {
        return new self();
    }

    /**
     * Checks at this time: unix seconds (0 is the epoch itself) or a DateTimeInterface.
     *
     * @param int|DateTimeInterface $now
     */
    public function at($now): self
    {
        if ($now instanceof DateTimeInterface) {
            $now = $now->getTimestamp();
        } elseif (!is_int($now)) {
            throw new \TypeError('$now must be an int or a DateTimeInterface');
        }
        $copy = clone $this;
        $copy->now = $now;
        return $copy;
    }

    /**
     * Tolerates this much clock skew: seconds (not negative) or a DateInterval.
     *
     * @param int|DateInterval $leeway
     */
    public function leeway($leeway): self
    {
        if ($leeway instanceof DateInterval) {
            $start = new DateTimeImmutable('@0');
            $leeway = $start->add($leeway)->getTimestamp() - $start->getTimestamp();
        } elseif (!is_int($leeway)) {
            throw new \TypeError('$leeway must be an int or a DateInterval');
        }
        $copy = clone $this;
        $copy->leeway = $leeway;
        return $copy;
    }

    /** Requires the token to have been made for this user id (UserIdMismatchException, code 33). */
    public function userId(string $userId): self
    {
        $copy = clone $this;
        $copy->userId = $userId;
        return $copy;
    }

    /** Refuses legacy CBC tokens, which are not authenticated, with UnsupportedModeException. */
    public function requireGcm(bool $require = true): self
    {
        $copy = clone $this;
        $copy->requireGcm = $require;
        return $copy;
    }

    /**
     * @internal A native options handle with these settings, for one call; the caller frees it
     * with zego_verify_options_free.
     */
    public function toNative(): FFI\CData
    {
        $ffi = Native::ffi();
        $userId = $this->userId === null ? null : Native::text($this->userId, 'userId');
        $options = $ffi->new('zego_verify_options *');
        Native::check($ffi->zego_verify_options_new(FFI::addr($options)));
        try {
            if ($this->now !== null) {
                Native::check($ffi->zego_verify_options_set_now($options, $this->now));
            }
            Native::check($ffi->zego_verify_options_set_leeway($options, $this->leeway));
            if ($userId !== null) {
                Native::check($ffi->zego_verify_options_set_user_id($options, $userId));
            }
            Native::check($ffi->zego_verify_options_set_require_gcm($options, $this->requireGcm ? 1 : 0));
        } catch (\Throwable $e) {
            $ffi->zego_verify_options_free($options);
            throw $e;
        }
        return $options;
    }
}
