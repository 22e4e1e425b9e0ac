<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

use PHPUnit\Framework\TestCase;
use ZegoToken\Generator;
use ZegoToken\Token04;
use ZegoToken\ZegoTokenException;

final class MemoryTest extends TestCase
{
    private static function rssKiB(): int
    {
        preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m);
        return (int) $m[1];
    }

    public function testAMillionCallsMixingSuccessAndFailureKeepMemoryFlat(): void
    {
        $secret = '0123456789abcdef0123456789abcdef';
        $g = new Generator(1234567890, $secret);
        $token = $g->generate('u', 3600);
        $round = function (int $n) use ($g, $token, $secret): void {
            for ($i = 0; $i < $n; $i++) {
                try {
                    switch ($i % 4) {
                        case 0: $g->generate('u', 3600); break;
                        case 1: Token04::decode($token, $secret); break;
                        case 2: Token04::decode($token, 'fedcba9876543210fedcba9876543210'); break;
                        default: $g->generate('', 3600);
                    }
                } catch (ZegoTokenException $expected) {
                }
            }
        };
        $round(100000);
        gc_collect_cycles();
        [$rss, $heap] = [self::rssKiB(), memory_get_usage()];
        $round(1000000);
        gc_collect_cycles();
        $this->assertLessThan(8 * 1024, self::rssKiB() - $rss, 'RSS grew');
        $this->assertLessThan(1024 * 1024, memory_get_usage() - $heap, 'PHP heap grew');
    }
}
