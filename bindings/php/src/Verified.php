<?php

declare(strict_types=1);

namespace ZegoToken;

/** The result of Token04::verifyWithAny: the claims and which secret opened the token. */
final class Verified
{
    /** @var Claims */
    public $claims;
    /** @var int the index, in the list given, of the secret that opened the token */
    public $secretIndex;

    /** @internal */
    public function __construct(Claims $claims, int $secretIndex)
    {
        $this->claims = $claims;
        $this->secretIndex = $secretIndex;
    }
}
