# Sourced by ./mvnw and ./ohkay: exports JAVA_HOME as a JDK >= 21 when the current one is older.
# Searches JAVA_HOME, then /usr/lib/jvm, newest first. Prints nothing when the current JDK already fits.
ohkay_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
ohkay_fits() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major=$(ohkay_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null
}
case $- in *f*) ohkay_noglob=1; set +f ;; *) ohkay_noglob=0 ;; esac
if [ -z "${JAVA_HOME:-}" ] || ! ohkay_fits "$JAVA_HOME"; then
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* 2>/dev/null | sort -rV); do
    if ohkay_fits "$candidate"; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! ohkay_fits "$JAVA_HOME"; then
  echo "Ohkay needs a JDK >= 21: set JAVA_HOME or install one under /usr/lib/jvm." >&2
fi
if [ "$ohkay_noglob" = 1 ]; then set -f; fi
