// Which changed files are source code that coverage reports must measure. Files outside these
// lists are not judged as missing from a report (they still count when a report measures them).

/** The default `rules.coverage.include`: source files of the languages coverage tools measure. */
export const SOURCE_FILES = [
  "*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte}",
  "*.{py,go,java,kt,kts,scala,groovy,clj,rb,php,cs,fs,vb}",
  "*.{c,cc,cpp,cxx,h,hh,hpp,hxx,m,mm,swift,rs,dart,ex,exs,erl,lua,pl,pm,r,jl,hs,ml,zig}",
] as const;

/**
 * Never source, whatever `include` says (gitignore-like; `!pattern` in `rules.coverage.exclude`
 * re-includes): tests and their fixtures, stories, examples, docs, scripts, benchmarks, type
 * declarations, tool configuration and dotfiles.
 */
export const NOT_SOURCE = [
  "test/",
  "tests/",
  "__tests__/",
  "spec/",
  "specs/",
  "__mocks__/",
  "fixtures/",
  "__fixtures__/",
  "testdata/",
  "e2e/",
  "*.{test,spec,e2e,stories}.*",
  "*_test.*",
  "test_*.py",
  "conftest.py",
  "example/",
  "examples/",
  "doc/",
  "docs/",
  "script/",
  "scripts/",
  "bench/",
  "benchmarks/",
  "*.d.ts",
  "*.d.mts",
  "*.d.cts",
  "*.config.*",
  "setup.py",
  "noxfile.py",
  ".*",
] as const;
