<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * A token that does not decode or does not verify (codes 20 to 33), or a failure inside the library
 * (40, 41): a \RuntimeException.
 */
class TokenException extends \RuntimeException implements ZegoTokenException
{
}
