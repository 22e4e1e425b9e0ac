<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 41: a bug in the library, caught at the boundary (please report it). */
class PanicException extends \RuntimeException implements ZegoTokenException
{
}
