#!/usr/bin/env bash
# Checks that scripts/setup.sh installs every Debian package the CMake configure step needs.
#
# setup.sh installs with --no-install-recommends, so a package that is only a Recommends of a listed
# one (libqt6opengl6-dev, which Qt6Charts loads, is only recommended by qt6-base-dev) is present on a
# developer's machine but missing on a fresh one, where the configure step then fails. This check
# configures the project once into a temporary folder with a trace, maps every file the configure
# step read (CMake configs and modules, pkg-config .pc files, compiler, ninja, cmake) and every tool
# and library the generated build.ninja names (moc, lrelease, libgif.so, ...) to the package that
# owns it, and fails for each owning package that is neither in setup.sh's list nor a hard
# dependency (Depends/Pre-Depends, recursively) of one.
#
# Usage: check-setup-packages.sh [REPO_ROOT]      (default: the folder above this script)
# Environment:
#   SETUP_SCRIPT           the setup script to read the package list from (default REPO_ROOT/scripts/setup.sh)
#   SETUP_CHECK_CLOSURE    "apt" (default: apt-cache, with dpkg for what apt-cache does not know) or
#                          "dpkg" (only the installed packages' dpkg status)
#   SETUP_CHECK_VERBOSE    set: also list every package the configure step used, with one file
# Exit codes: 0 all covered, 1 a package is missing (or the configure step failed), 77 skipped.
set -euo pipefail

# ---- 1. Skip where the packaging tools are absent (not Debian): ctest maps 77 to "skipped".
for tool in dpkg dpkg-query apt-cache; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "check-setup-packages: skipped: '$tool' not found, so the files' Debian packages cannot be looked up"
        exit 77
    fi
done

repo=$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)
setup=${SETUP_SCRIPT:-$repo/scripts/setup.sh}
closure_mode=${SETUP_CHECK_CLOSURE:-apt}
arch=$(dpkg --print-architecture)

work=$(mktemp -d "${TMPDIR:-/tmp}/check-setup-packages.XXXXXX")
trap 'rm -rf "$work"' EXIT

# ---- 2. The package list: the text of the packages=( ... ) array, comments and quotes removed.
# The script is read, never run (sourcing it would install things).
mapfile -t setup_pkgs < <(
    awk '
        { sub(/#.*/, "") }                                  # comments
        !inside && /^[[:space:]]*packages=\(/ { inside = 1; sub(/^[[:space:]]*packages=\(/, "") }
        inside {
            done = sub(/\).*/, "")                          # the closing bracket ends the array
            gsub(/["\047]/, "")                             # quotes
            n = split($0, words, /[[:space:]]+/)
            for (i = 1; i <= n; i++) if (words[i] != "") print words[i]
            if (done) exit
        }' "$setup")
if [ ${#setup_pkgs[@]} -eq 0 ]; then
    echo "check-setup-packages: found no packages=( ... ) list in $setup" >&2
    exit 1
fi

# ---- 3. One configure, traced. DDPM_BUILD_TESTS=OFF only skips tests/, which calls no find_package
# or pkg_check_modules of its own (every package is found in the top-level CMakeLists.txt), so the
# same packages load. --trace-expand expands the arguments of pkg_check_modules, read below.
if ! cmake -S "$repo" -B "$work/build" -G Ninja -DDDPM_BUILD_TESTS=OFF \
        --trace-expand --trace-format=json-v1 --trace-redirect="$work/trace.json" >"$work/configure.log" 2>&1; then
    echo "check-setup-packages: the configure step itself failed; its output:" >&2
    tail -n 40 "$work/configure.log" >&2
    exit 1
fi

files="$work/files.txt"
{
    # Every CMake file a traced command ran in (the project's own and the build folder's are not
    # owned by any package and drop out below).
    grep -o '"file":"[^"]*"' "$work/trace.json" | sed 's/^"file":"//; s/"$//'
    # The tools the cache and the compiler description name: compiler, binutils, ninja, pkg-config.
    # The cache's other entries are left out: it also records what optional searches happened to
    # find on this machine (FindOpenGL's EGL and GLU libraries), which a fresh machine does without.
    sed -nE 's/^(CMAKE_[A-Z_]+|[A-Za-z0-9_]+_EXECUTABLE):FILEPATH=//p' "$work/build/CMakeCache.txt"
    grep -ho '/[^";)[:space:]]*' "$work/build"/CMakeFiles/*/CMake*Compiler.cmake || true
    # What the generated build runs and links: Qt's moc, uic, rcc and lrelease, and every library
    # a target links (the libraries that REQUIRED Find modules found: libgif.so, libz.so, ...).
    grep -ho '/[^";)$:[:space:]]*' "$work/build/build.ninja" "$work/build"/CMakeFiles/rules.ninja || true
    command -v cmake ninja
} >"$files"

# pkg_check_modules / pkg_search_module read .pc files that no trace shows: ask pkg-config for the
# file of each module the configure step asked for, and of the modules those require.
pkgconfig=$(sed -n 's/^PKG_CONFIG_EXECUTABLE:FILEPATH=//p' "$work/build/CMakeCache.txt")
if [ -n "$pkgconfig" ] && [ -x "$pkgconfig" ]; then
    mapfile -t modules < <(
        grep -E '"cmd":"(pkg_check_modules|pkg_search_module)"' "$work/trace.json" |
            sed 's/.*"args":\[\([^]]*\)\].*/\1/' |
            # first argument: the variable prefix; then keywords and module[op version] specs
            awk -F'","' '{ gsub(/^"|"$/, ""); for (i = 2; i <= NF; i++) print $i }' |
            grep -Ev '^(REQUIRED|QUIET|NO_CMAKE_PATH|NO_CMAKE_ENVIRONMENT_PATH|IMPORTED_TARGET|GLOBAL)$' |
            sed 's/[<>=].*//' | grep -E '^[A-Za-z]' | sort -u)
    declare -A seen_module=()
    while [ ${#modules[@]} -gt 0 ]; do
        module=${modules[0]}
        modules=("${modules[@]:1}")
        [ -n "${seen_module[$module]:-}" ] && continue
        seen_module[$module]=1
        "$pkgconfig" --exists "$module" 2>/dev/null || continue # an optional module that is absent
        "$pkgconfig" --path "$module" >>"$files"
        while read -r required _; do
            [ -n "$required" ] && modules+=("$required")
        done < <("$pkgconfig" --print-requires --print-requires-private "$module" 2>/dev/null)
    done
fi

# ---- 4. Owning packages, one dpkg-query call for all paths. Each file is looked up by its path and by
# its real path (a libfoo.so symlink in libfoo-dev points into libfoo), each also in its other
# merged-/usr spelling, since dpkg records /lib/... for some packages and /usr/lib/... for others.
other_spelling() {
    case $1 in
        /usr/bin/* | /usr/sbin/* | /usr/lib/* | /usr/lib64/* | /usr/lib32/* | /usr/libx32/*) echo "${1#/usr}" ;;
        /bin/* | /sbin/* | /lib/* | /lib64/* | /lib32/* | /libx32/*) echo "/usr$1" ;;
        *) echo "$1" ;;
    esac
}
declare -A real_of=()
used_files=()
while IFS= read -r f; do
    [ -f "$f" ] && used_files+=("$f") # not directories, missing files or NOTFOUND entries
done < <(sort -u "$files")
mapfile -t reals < <(realpath -e -- "${used_files[@]}")
queries="$work/queries.txt"
: >"$queries"
for i in "${!used_files[@]}"; do
    f=${used_files[$i]}
    real_of[$f]=${reals[$i]}
    printf '%s\n' "$f" "$(other_spelling "$f")" "${reals[$i]}" "$(other_spelling "${reals[$i]}")" >>"$queries"
done
declare -A owner=()
while IFS= read -r line; do
    case $line in diversion\ * | local\ diversion\ *) continue ;; esac
    path=${line#*: }
    pkgs=${line%%: *}
    pkgs=${pkgs//,/ }
    owner[$path]=$(for p in $pkgs; do echo "${p%%:*}"; done | sort -u | tr '\n' ' ')
done < <(sort -u "$queries" | xargs -r -d '\n' dpkg-query -S 2>/dev/null || true)

first_owner() { # the owners of the first spelling dpkg knows
    local p
    for p in "$@"; do
        if [ -n "${owner[$p]:-}" ]; then
            echo "${owner[$p]}"
            return
        fi
    done
}
# The file to name for a package: a package config (FooConfig.cmake, foo-config.cmake) if the package
# has one, as that is what find_package looked for; otherwise the first in sort order.
rank() { # sets ranked to a key that sorts the preferred file first
    case ${1##*/} in *Config.cmake | *-config.cmake) ranked="0 $1" ;; *) ranked="1 $1" ;; esac
}
declare -A needed_for=() # package -> the file to name for it
counted=0
for f in "${!real_of[@]}"; do
    real=${real_of[$f]}
    pkgs="$(first_owner "$f" "$(other_spelling "$f")") $(first_owner "$real" "$(other_spelling "$real")")"
    [ -n "${pkgs// /}" ] || continue # not from a package: the build folder, the repository, /usr/local
    counted=$((counted + 1))
    for p in $pkgs; do
        if [ -z "${needed_for[$p]:-}" ]; then
            needed_for[$p]=$f
        else
            rank "$f"
            mine=$ranked
            rank "${needed_for[$p]}"
            [[ $mine < $ranked ]] && needed_for[$p]=$f
        fi
    done
done

# ---- 5. What setup.sh brings: its packages and their hard dependencies, recursively.
declare -A allowed=()
for p in "${setup_pkgs[@]}"; do allowed[${p%%:*}]=1; done

# dpkg's view: the installed packages' Depends and Pre-Depends, taking the alternative that is
# installed and resolving virtual packages to the installed packages that provide them.
dpkg_closure() {
    local -A installed=() deps=() providers=()
    local status name provides depends group alt chosen p
    local -a items alts queue=("$@")
    while IFS='|' read -r status name provides depends; do
        [ "${status:0:2}" = "ii" ] || continue
        installed[$name]=1
        deps[$name]+="$depends,"
        IFS=',' read -ra items <<<"$provides"
        for p in "${items[@]}"; do
            p=${p%%(*}
            p=${p// /}
            [ -n "$p" ] && providers[${p%%:*}]+=" $name"
        done
    done < <(dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Provides}|${Depends}, ${Pre-Depends}\n')
    local -A visited=()
    while [ ${#queue[@]} -gt 0 ]; do
        name=${queue[0]}
        queue=("${queue[@]:1}")
        [ -n "${visited[$name]:-}" ] && continue
        visited[$name]=1
        echo "$name"
        IFS=',' read -ra items <<<"${deps[$name]:-}"
        for group in "${items[@]}"; do
            chosen=""
            IFS='|' read -ra alts <<<"$group"
            for alt in "${alts[@]}"; do
                alt=${alt%%(*}
                alt=${alt// /}
                alt=${alt%%:*}
                [ -n "$alt" ] || continue
                if [ -n "${installed[$alt]:-}" ]; then
                    chosen=$alt
                elif [ -n "${providers[$alt]:-}" ]; then
                    chosen=${providers[$alt]}
                fi
                [ -n "$chosen" ] && break
            done
            read -ra alts <<<"$chosen"
            queue+=("${alts[@]}")
        done
    done
}

# Essential packages (coreutils, dpkg, ...) are on every Debian system.
mapfile -t essential < <(dpkg-query -W -f='${Essential} ${Package}\n' | sed -n 's/^yes //p')
unknown_to_apt=("${setup_pkgs[@]}")
if [ "$closure_mode" = apt ]; then
    # apt-cache lists each package it recursed into on a line of its own, its dependencies indented
    # ("  Depends: foo", " |Depends: foo" for an alternative, "<virtual>" with its providers below);
    # every name counts, alternatives included.
    apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
        --no-replaces --no-enhances "${setup_pkgs[@]}" 2>/dev/null >"$work/apt-depends.txt" || true
    while IFS= read -r name; do
        name=${name#"${name%%[![:space:]|]*}"} # leading blanks and the alternative's bar
        name=${name#*Depends: }                # "Depends: " and "PreDepends: "
        name=${name#<}
        name=${name%>}
        name=${name%%:*}
        [ -n "$name" ] && allowed[$name]=1
    done <"$work/apt-depends.txt"
    # What apt-cache does not know (no package lists yet): from dpkg's status instead.
    unknown_to_apt=()
    for p in "${setup_pkgs[@]}"; do
        grep -qxF -e "$p" -e "${p%%:*}:$arch" "$work/apt-depends.txt" || unknown_to_apt+=("$p")
    done
fi
while IFS= read -r name; do allowed[$name]=1; done < <(dpkg_closure "${essential[@]}" "${unknown_to_apt[@]%%:*}")

# ---- 6. The verdict.
setup_shown=${setup#"$repo"/}
missing=0
for p in $(printf '%s\n' "${!needed_for[@]}" | sort); do
    [ -n "${SETUP_CHECK_VERBOSE:-}" ] && echo "check-setup-packages: uses $p (for ${needed_for[$p]})"
    if [ -z "${allowed[$p]:-}" ]; then
        echo "check-setup-packages: $p (for ${needed_for[$p]}) is needed by the configure step but $setup_shown neither installs it nor gets it as a hard dependency"
        missing=$((missing + 1))
    fi
done
if [ $missing -gt 0 ]; then
    echo "check-setup-packages: $missing package(s) missing from $setup_shown (apt-get install --no-install-recommends leaves out Recommends)"
    exit 1
fi
echo "check-setup-packages: $counted files the configure step loaded come from ${#needed_for[@]} packages, all installed by $setup_shown or hard dependencies of its ${#setup_pkgs[@]} packages"
