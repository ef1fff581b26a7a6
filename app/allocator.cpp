// The director executable's allocator is jemalloc (app/CMakeLists.txt). These are its options,
// read when it starts, before main(); MALLOC_CONF in the environment still has the last word.
//
// Transparent huge pages for its arenas and its own records: reading a run and its session
// touches a hundred or more megabytes for the first time, and on a virtual machine each 4 KiB
// page fault is dear. `director status` on a changed run of 10,000 frames took 1.2 s with
// glibc's malloc, 1.0 s with jemalloc, 0.75 s with these (README, Performance). Where the
// kernel has them off, they are asked for and not given: nothing changes.
extern "C" {
// NOLINTNEXTLINE: jemalloc's name, looked up by the library.
extern const char *malloc_conf;
const char *malloc_conf = "thp:always,metadata_thp:always";
}
