<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

use PHPUnit\Framework\TestCase;
use ZegoToken\Generator;
use ZegoToken\InvalidArgumentException;
use ZegoToken\InvalidUserIdException;
use ZegoToken\Token04;

/** The fast path: one FFI call per token into the request's reusable buffer (Native::tokenBuffer). */
final class FastPathTest extends TestCase
{
    private const SECRET = '0123456789abcdef0123456789abcdef';
    private const APP_ID = 1234567890;

    public function testATokenLongerThanTheBufferGrowsItAndRoundTrips(): void
    {
        $payload = str_repeat('"x"', 1500); // 4,500 bytes once escaped: more than the first 1 KiB buffer
        $g = new Generator(self::APP_ID, self::SECRET);
        $token = $g->generate('user', 60, $payload);
        $this->assertGreaterThan(6000, strlen($token));
        $this->assertSame($payload, $g->decode($token)->payload);
        $oneShot = Token04::generate(self::APP_ID, 'user', self::SECRET, 60, $payload);
        $this->assertSame($payload, Token04::decode($oneShot, self::SECRET)->payload);
        $this->assertSame('user', $g->decode($g->generate('user', 60))->userId); // the grown buffer serves on
    }

    public function testEachTokenIsCopiedOutNotSharedWithTheBuffer(): void
    {
        $g = new Generator(self::APP_ID, self::SECRET);
        $first = $g->generate('first-user', 60);
        $second = $g->generate('second', 60);
        $this->assertSame('first-user', $g->decode($first)->userId);
        $this->assertSame('second', $g->decode($second)->userId);
    }

    public function testErrorsKeepTheirCodesOnTheFastPath(): void
    {
        $g = new Generator(self::APP_ID, self::SECRET);
        foreach ([fn () => $g->generate('', 60), fn () => $g->generate(str_repeat('u', 65), 60)] as $call) {
            try {
                $call();
                $this->fail('no exception');
            } catch (InvalidUserIdException $e) {
                $this->assertSame(3, $e->getCode());
            }
        }
        $this->expectException(InvalidArgumentException::class);
        $g->generate("a\0b", 60);
    }
}
