<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * What a token says. Read-only: the properties are readable ($claims->userId) but not writable.
 *
 * @property-read int    $appId
 * @property-read string $userId
 * @property-read int    $ctime   when the token was made, unix seconds
 * @property-read int    $expire  when it expires, unix seconds
 * @property-read int    $nonce
 * @property-read string $payload
 * @property-read string $mode    "gcm" (current format) or "cbc" (legacy)
 * @property-read list<string> $findings the values that break a generation rule, by name
 *                ("app_id_zero", "user_id_empty", "user_id_too_long", "expire_not_after_ctime",
 *                "ctime_before_epoch", "nonce_out_of_range"); empty for a token made within the
 *                rules. Decoding never refuses a token for them; verifying refuses them
 *                (BadPlaintextException) only in a legacy CBC token, which is not authenticated.
 */
final class Claims
{
    /** @var array<string, int|string|list<string>> */
    private $values;

    /** @param array<string, int|string|list<string>> $json the library's claims JSON, decoded */
    private function __construct(array $json)
    {
        $this->values = [
            'appId' => $json['app_id'],
            'userId' => $json['user_id'],
            'ctime' => $json['ctime'],
            'expire' => $json['expire'],
            'nonce' => $json['nonce'],
            'payload' => $json['payload'],
            'mode' => $json['mode'],
            'findings' => $json['findings'],
        ];
    }

    /** @internal */
    public static function fromJson(string $json): self
    {
        return new self(json_decode($json, true, 4, JSON_THROW_ON_ERROR));
    }

    /** @return int|string|list<string> */
    public function __get(string $name)
    {
        if (!array_key_exists($name, $this->values)) {
            throw new \LogicException("Claims has no property $name");
        }
        return $this->values[$name];
    }

    public function __isset(string $name): bool
    {
        return isset($this->values[$name]);
    }

    /** @param mixed $value */
    public function __set(string $name, $value): void
    {
        throw new \LogicException('Claims are read-only');
    }

    /** ctime as a DateTimeImmutable in UTC. */
    public function createdAt(): \DateTimeImmutable
    {
        return new \DateTimeImmutable('@' . $this->values['ctime']);
    }

    /** expire as a DateTimeImmutable in UTC. */
    public function expiresAt(): \DateTimeImmutable
    {
        return new \DateTimeImmutable('@' . $this->values['expire']);
    }

    /** @return array<string, int|string|list<string>> */
    public function toArray(): array
    {
        return $this->values;
    }
}
