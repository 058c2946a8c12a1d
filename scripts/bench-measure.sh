# Sourced by the bench scripts: `measure LABEL COMMAND...` runs COMMAND under /usr/bin/time -v and prints its
# last two lines of output, wall time, CPU time (user + sys) and peak RSS. Needs $WORK (a scratch folder).
measure() {
    local label=$1; shift
    echo "== $label"
    echo "   command: $*"
    if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/out.txt" 2> "$WORK/err.txt"; then
        echo "   (exited with an error; last lines of stderr follow)"
        tail -3 "$WORK/err.txt" | sed 's/^/   /'
    fi
    tail -2 "$WORK/out.txt" | sed 's/^/   /'
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
        /User time/   { user = $2 }
        /System time/ { sys = $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "   wall %.2f s   cpu %.2f s (user %.2f + sys %.2f)   peak RSS %.1f MB\n", wall, user + sys, user, sys, rss / 1024 }
    ' "$WORK/time.txt"
}
