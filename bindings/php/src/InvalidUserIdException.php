<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 3: the user id is empty or longer than 64 bytes. */
class InvalidUserIdException extends InvalidInputException
{
}
