<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 9: a stream id is empty or longer than 256 bytes. */
class InvalidStreamIdException extends InvalidInputException
{
}
