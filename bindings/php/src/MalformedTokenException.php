<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 20: the token is malformed. */
class MalformedTokenException extends TokenException
{
}
