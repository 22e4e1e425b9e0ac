<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * Every zego-token failure implements this interface: catch it to catch them all. getCode() is the
 * library's stable numeric code (the same in every language); there is one class per reason. Bad
 * input (codes 1 to 12) extends SPL's \InvalidArgumentException, through InvalidInputException; a
 * token that does not decode or verify (codes 20 to 33) and an internal failure extend
 * \RuntimeException, through TokenException. So generic handlers of either SPL class catch them too.
 */
interface ZegoTokenException extends \Throwable
{
}
