# shellcheck shell=bash
# Sourced by ReserveKit's scripts: finds a JDK >= 21 (the build's minimum) and exports JAVA_HOME (so the
# Maven wrapper uses it too) and JAVA (its java binary). Order: $JAVA_HOME, the java on PATH, then the
# newest JDK under the usual install locations. Usage: . bin/lib/java.sh; reservekit_select_java [min]

# Prints the major version of the JDK at $1 (21, 25, ...), or nothing.
reservekit_java_major() {
    local home=$1 v=""
    if [ -r "$home/release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
    fi
    if [ -z "$v" ] && [ -x "$home/bin/java" ]; then
        v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    v=${v#1.}
    v=${v%%[.+_-]*}
    case $v in '' | *[!0-9]*) ;; *) printf '%s\n' "$v" ;; esac
}

reservekit_select_java() {
    local min=${1:-21} home major best="" best_major=0 path_java
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        major=$(reservekit_java_major "$JAVA_HOME")
        if [ "${major:-0}" -ge "$min" ]; then
            JAVA="$JAVA_HOME/bin/java"
            export JAVA_HOME JAVA
            return 0
        fi
    fi
    if path_java=$(command -v java 2>/dev/null); then
        home=$("$path_java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p' | head -n 1)
        if [ -n "$home" ] && [ "$(reservekit_java_major "$home")" -ge "$min" ] 2>/dev/null; then
            JAVA_HOME=$home
            JAVA="$home/bin/java"
            export JAVA_HOME JAVA
            return 0
        fi
    fi
    for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
        "$HOME"/.jdks/* /opt/java/*; do
        [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
        major=$(reservekit_java_major "$home")
        if [ "${major:-0}" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
            best=$home
            best_major=$major
        fi
    done
    if [ -n "$best" ]; then
        JAVA_HOME=$best
        JAVA="$best/bin/java"
        export JAVA_HOME JAVA
        return 0
    fi
    echo "ReserveKit needs a JDK $min or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}," \
        "java on PATH: ${path_java:-none}). Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
    return 1
}
