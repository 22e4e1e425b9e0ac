#!/usr/bin/env bash
# Runs the Java benchmark (src/test/java/im/zego/token/Benchmark.java) on the test classpath.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" im.zego.token.Benchmark "$@"
