<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

/** The shared vectors of tests/vectors at the repository root. */
final class Vectors
{
    /** @return array<int, array<string, mixed>> */
    public static function read(string $name): array
    {
        $rows = [];
        foreach (explode("\n", file_get_contents(dirname(__DIR__, 3) . "/tests/vectors/$name")) as $line) {
            if (trim($line) !== '') {
                $rows[] = json_decode($line, true, 16, JSON_THROW_ON_ERROR);
            }
        }
        return $rows;
    }
}
