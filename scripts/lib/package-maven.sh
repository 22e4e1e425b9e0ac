# Sourced by scripts/dist: the Java package in dist/maven, a Maven repository (as a file:// URL or
# for upload to Central) with one jar that carries every platform's library in JNA's resource
# layout, its -sources and -javadoc jars, the POM and their checksums. Uses scripts/dist's
# variables and functions.
# shellcheck shell=bash

package_maven() { # TARGETS...
  local out="$work/maven" t partial=false folder
  step "maven: the jar with every platform's library, sources, javadoc and POM"
  command -v mvn >/dev/null || need_deb maven
  rm -rf "$out" "$dist/maven"
  mkdir -p "$out/natives"
  for t in "$@"; do
    folder=$(target_field "$t" jna)
    [[ -n $folder ]] || continue
    local library name
    read -r library name <<<"$(native_library_of "$t")"
    mkdir -p "$out/natives/$folder"
    cp "$library" "$out/natives/$folder/$name"
  done
  # Every target with a JNA folder (JNA cannot tell musl from glibc: the musl targets have none).
  for t in "${all_targets[@]}"; do
    folder=$(target_field "$t" jna)
    if [[ -n $folder && ! -d "$out/natives/$folder" ]]; then
      partial=true
    fi
  done
  if [[ $partial == true ]]; then
    echo "(a partial jar, with $(ls "$out/natives" | paste -sd' ') only: a test build of a subset of targets, never a release)"
  fi
  # Built from a copy, so that the test suite's build folder (bindings/java/target) is left alone.
  cp -r bindings/java "$out/src"
  rm -rf "$out/src/target"
  # project.build.outputTimestamp: the jars' entry times (and javadoc's pages, which then carry no
  # date) are the last commit's, so that the same commit gives the same jars.
  mvn -B -ntp -q -Dstyle.color=never -f "$out/src/pom.xml" deploy -DskipTests -Dmaven.install.skip=true \
    -Dproject.build.outputTimestamp="$(date -u -d "@$source_date_epoch" +%Y-%m-%dT%H:%M:%SZ)" \
    -Dzego.natives="$out/natives" -Dzego.natives.partial="$partial" \
    -DaltDeploymentRepository="dist::file://$dist/maven" >"$out/mvn.log" 2>&1 || { tail -n 40 "$out/mvn.log"; die "mvn deploy failed"; }
  # The repository metadata says when it was deployed: the last commit's time instead, and its
  # checksums again.
  local metadata="$dist/maven/im/zego/token/zego-token/maven-metadata.xml" sum
  sed -i "s|<lastUpdated>[0-9]*</lastUpdated>|<lastUpdated>$(date -u -d "@$source_date_epoch" +%Y%m%d%H%M%S)</lastUpdated>|" "$metadata"
  for sum in md5 sha1; do
    [[ -f "$metadata.$sum" ]] && "${sum}sum" "$metadata" | cut -d' ' -f1 | tr -d '\n' >"$metadata.$sum"
  done
  local base="$dist/maven/im/zego/token/zego-token/$version/zego-token-$version"
  for f in "$base.jar" "$base-sources.jar" "$base-javadoc.jar" "$base.pom" "$base.jar.sha1" "$base.pom.md5"; do
    [[ -f $f ]] || die "maven: ${f#"$dist"/} was not deployed"
  done
  echo "dist/maven/im/zego/token/zego-token/$version/: jar ($(unzip -Z1 "$base.jar" | grep -cE '(\.so|\.dylib|\.dll)$') native libraries), -sources, -javadoc, pom, checksums"
}

# A fresh consumer project whose only extra repository is dist/maven resolves zego-token and runs
# it, with no cargo on PATH and no ZEGO_TOKEN_LIB; the jar's classes are Java 8 bytecode.
check_maven() {
  local out="$work/check/maven" base="$dist/maven/im/zego/token/zego-token/$version/zego-token-$version"
  step "maven: a consumer project resolving zego-token from dist/maven"
  rm -rf "$out"
  mkdir -p "$out/consumer/src/main/java" "$out/classes"
  (cd "$out/classes" && unzip -q "$base.jar" 'im/zego/token/ZegoToken.class')
  [[ "$(od -An -j6 -N2 -tu1 "$out/classes/im/zego/token/ZegoToken.class" | tr -s ' ')" == " 0 52" ]] ||
    die "maven: the classes are not Java 8 bytecode (major version 52)"
  unzip -p "$base.jar" META-INF/MANIFEST.MF | has '^Automatic-Module-Name: im.zego.token' || die "maven: no Automatic-Module-Name"
  # The release build refuses to make a jar when a platform's library is missing.
  cp -r "$work/maven/natives" "$out/one-missing"
  rm -rf "$out/one-missing/linux-x86-64"
  if mvn -B -ntp -q -Dstyle.color=never -f "$work/maven/src/pom.xml" validate -Dzego.natives="$out/one-missing" >"$out/refused.log" 2>&1; then
    die "maven: the release build accepted a natives folder without linux-x86-64"
  fi
  grep -q "native library is missing" "$out/refused.log" || { cat "$out/refused.log"; die "maven: refused for another reason"; }
  echo "maven: a release build with a platform's library missing is refused"
  # Whatever an earlier build installed locally must not stand in for the deployed artifact.
  rm -rf "$HOME/.m2/repository/im/zego/token"
  cat >"$out/consumer/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>consumer</artifactId>
  <version>1.0</version>
  <properties><maven.compiler.release>8</maven.compiler.release></properties>
  <repositories>
    <repository><id>zego-token-dist</id><url>file://$dist/maven</url></repository>
  </repositories>
  <dependencies>
    <dependency><groupId>im.zego.token</groupId><artifactId>zego-token</artifactId><version>$version</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.5.0</version>
        <configuration><mainClass>Consumer</mainClass></configuration></plugin>
    </plugins>
  </build>
</project>
EOF
  cat >"$out/consumer/src/main/java/Consumer.java" <<'EOF'
import im.zego.token.Claims;
import im.zego.token.ZegoToken;

public class Consumer {
    public static void main(String[] args) {
        String secret = "0123456789abcdef0123456789abcdef";
        Claims claims = ZegoToken.decode(ZegoToken.generate(1234567890L, "java-user", secret, 3600), secret);
        if (!"java-user".equals(claims.getUserId())) throw new AssertionError(claims.getUserId());
        System.out.println("consumer: " + ZegoToken.libraryVersion());
    }
}
EOF
  (
    cd "$out/consumer"
    PATH=$(path_without_cargo) || exit 1
    unset ZEGO_TOKEN_LIB
    mvn -B -ntp -q -Dstyle.color=never compile exec:java
  ) >"$out/mvn.log" 2>&1 || { tail -n 40 "$out/mvn.log"; die "maven: the consumer project failed"; }
  sed -i 's/\x1b\[[0-9;]*m//g' "$out/mvn.log" # Maven colours some lines whatever it is told
  grep -q "^consumer: $version$" "$out/mvn.log" || { cat "$out/mvn.log"; die "maven: the consumer printed no version"; }
  grep -q "zego-token-dist" "$HOME/.m2/repository/im/zego/token/zego-token/$version/_remote.repositories" ||
    die "maven: zego-token was not resolved from dist/maven"
  echo "a consumer with dist/maven as its only extra repository: $(grep '^consumer:' "$out/mvn.log")"
}
