# shellcheck shell=bash
# Sourced by bin/kafka-local and bin/lib/kafka-tool: resolves jars once with the Maven wrapper and caches
# classpaths under .kafka-local/ (git-ignored). Needs RESERVEKIT_ROOT set to the repository root.

RESERVEKIT_CACHE="$RESERVEKIT_ROOT/.kafka-local"

# The project's Kafka version, read from the root pom (no Maven start needed).
reservekit_kafka_version() {
    sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "$RESERVEKIT_ROOT/pom.xml" | head -n 1
}

# True when the cached classpath file $1 is missing, or names a jar that no longer exists
# (a cleaned ~/.m2), or is older than any of the files or directories given after it.
reservekit_classpath_stale() {
    local file=$1 first
    shift
    [ -s "$file" ] || return 0
    first=$(cut -d: -f1 <"$file")
    [ -e "$first" ] || return 0
    [ -n "$(find "$@" -newer "$file" -print 2>/dev/null | head -n 1)" ]
}

# Runs the Maven wrapper quietly from the repository root; its output goes to a log shown only on failure.
reservekit_mvnw() {
    local log="$RESERVEKIT_CACHE/maven.log"
    mkdir -p "$RESERVEKIT_CACHE"
    if ! (cd "$RESERVEKIT_ROOT" && ./mvnw -B -q "$@") >"$log" 2>&1; then
        grep -v '^WARNING: ' "$log" >&2 || true
        echo "The Maven wrapper failed (full output in $log)." >&2
        return 1
    fi
}
