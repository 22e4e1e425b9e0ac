<?php

namespace ZEGO;

/** The official plug-in's error codes. zego-token reports its other codes (7, 10, ...) the same way. */
class ZegoErrorCodes
{
    const success = 0;
    const appIDInvalid = 1;
    const userIDInvalid = 3;
    const secretInvalid = 5;
    const effectiveTimeInSecondsInvalid = 6;
}
