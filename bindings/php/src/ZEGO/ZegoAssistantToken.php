<?php

namespace ZEGO;

/** The official result: $code (0 on success), $message, $token. */
class ZegoAssistantToken
{
    /** @var int */
    public $code;
    /** @var string */
    public $message;
    /** @var string */
    public $token;
}
