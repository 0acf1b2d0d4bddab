# Sourced by the project's scripts: exports JAVA_HOME (and PATH) for a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the newest JDK under /usr/lib/jvm
# (or $JDK_SEARCH_DIRS). The build targets Java 21 and is tested on JDK 25.

java_feature_version() { # prints the feature version (17, 21, 25...) of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

select_java_21_or_newer() {
  local candidate version best="" best_version=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_feature_version "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    export PATH="$JAVA_HOME/bin:$PATH"
    return 0
  fi
  if command -v java >/dev/null 2>&1 && [ "$(java_feature_version java)" -ge 21 ] 2>/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
    return 0
  fi
  for candidate in ${JDK_SEARCH_DIRS:-/usr/lib/jvm/* /opt/java/* /opt/jdk*}; do
    [ -x "$candidate/bin/javac" ] || continue
    version=$(java_feature_version "$candidate/bin/java")
    if [ "${version:-0}" -gt "$best_version" ]; then best=$candidate best_version=$version; fi
  done
  if [ "$best_version" -ge 21 ]; then
    export JAVA_HOME="$best" PATH="$best/bin:$PATH"
    return 0
  fi
  echo "ReserveKit needs a JDK 21 or newer (25 recommended); none found. Set JAVA_HOME to one." >&2
  return 1
}
