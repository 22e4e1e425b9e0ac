<?php

declare(strict_types=1);

namespace ZegoToken;

/** Bad input to a zego-token function (codes 1 to 12): an \InvalidArgumentException. */
class InvalidInputException extends \InvalidArgumentException implements ZegoTokenException
{
}
