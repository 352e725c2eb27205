#!/usr/bin/env bash
# Builds the installable images of Cohort Planner from what `mvn package` left in target/:
#   target/packages/cohort-planner/          app-image (runs in place: cohort-planner/bin/cohort-planner)
#   target/packages/cohort-planner_*.deb     Debian package (installs to /opt/cohort-planner, menu entry, icon)
# Both carry a runtime made by jlink from the JDK's modules and the JavaFX jars, so the user needs no Java.
#
# Usage: mvn -B package -DskipTests && packaging/build.sh [--app-image-only]
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'build.sh: %s\n' "$*"; }
fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

only_app_image=false
[[ "${1:-}" == "--app-image-only" ]] && only_app_image=true

# What the script needs, checked up front so a missing tool is named instead of failing half-way.
command -v jpackage >/dev/null || fail "jpackage not found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk)"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[[ "$java_major" == "17" ]] || say "note: building with Java $java_major; the project targets Java 17"
if ! $only_app_image; then
    command -v dpkg-deb >/dev/null || fail "dpkg-deb not found: a .deb can only be built on Debian or Ubuntu"
    if ! command -v fakeroot >/dev/null; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
            say "fakeroot is missing (jpackage needs it for a .deb): installing it with apt-get"
            apt-get install -y -q fakeroot >/dev/null
        else
            fail "fakeroot not found: install it (sudo apt-get install fakeroot) or run with --app-image-only"
        fi
    fi
fi

version=$(sed -n 's/^--app-version //p' packaging/app-image.args)
main_jar="cohort-planner-${version}.jar"
[[ -f "target/$main_jar" ]] || fail "target/$main_jar not found: run 'mvn -B package -DskipTests' first"
[[ -d target/lib ]] || fail "target/lib not found: run 'mvn -B package -DskipTests' first (it copies the libraries)"

# JavaFX jars go on the module path (jlink puts them into the runtime with their native libraries); everything
# else, with the console's own (not shaded) jar, goes on the class path.
work=target/jpackage
rm -rf "$work" target/packages
mkdir -p "$work/input" "$work/javafx" target/packages
cp "target/$main_jar" "$work/input/"
for jar in target/lib/*.jar; do
    case "$(basename "$jar")" in
        javafx-*-linux.jar) cp "$jar" "$work/javafx/" ;;
        javafx-*) ;;  # the platform-neutral JavaFX jars are empty shells; the -linux ones hold the classes
        *) cp "$jar" "$work/input/" ;;
    esac
done
[[ -n "$(ls "$work/javafx")" ]] || fail "no javafx-*-linux.jar in target/lib"

start=$SECONDS
say "building the app-image (jlinked runtime with JavaFX)…"
jpackage --type app-image @packaging/app-image.args \
    --module-path "$work/javafx" --input "$work/input" --main-jar "$main_jar" \
    --dest target/packages
app_image_seconds=$((SECONDS - start))
say "app-image: target/packages/cohort-planner ($(du -sh target/packages/cohort-planner | cut -f1)) in ${app_image_seconds} s"

# Smoke check: the packaged launcher runs on its own runtime (headless: a command, not the window).
launcher=target/packages/cohort-planner/bin/cohort-planner
"$launcher" --version >/dev/null || fail "the packaged launcher does not start: $launcher --version failed"
"$launcher" validate sample-data/korea-2021-initial.json >/dev/null \
    || fail "the packaged launcher cannot validate the sample plan"
say "the packaged launcher starts and validates the sample plan"

if ! $only_app_image; then
    start=$SECONDS
    say "building the .deb from the app-image…"
    # gzip instead of dpkg's default xz: about three times faster to build, a little larger.
    DPKG_DEB_COMPRESSOR_TYPE=gzip jpackage --type deb @packaging/deb.args \
        --app-image target/packages/cohort-planner --dest target/packages
    deb=$(ls target/packages/*.deb)
    say "deb: $deb ($(du -h "$deb" | cut -f1)) in $((SECONDS - start)) s"
fi
