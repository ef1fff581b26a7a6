// The director executable's allocator is jemalloc (app/CMakeLists.txt). These are its options,
// read when it starts, before main(); MALLOC_CONF in the environment still has the last word.
//
// No transparent huge pages of its own asking: the system's setting (`thp:default`), and none
// for jemalloc's own records (`metadata_thp:disabled`). They are jemalloc's defaults, set here
// so that they are not taken for an oversight. Huge pages were tried and measured slower: on a
// virtual machine that hands its free memory back to the host (virtio-balloon's free page
// reporting gives back free blocks of 2 MiB and more), every huge page a process gets is memory
// the host must fault in again, 2 MiB at a time, and zeroed whole. `director status` on a
// changed run of 10,000 frames, run a few seconds apart as an operator or a pipeline runs it,
// took 0.81 to 0.94 s with them and 0.54 to 0.65 s without (README, Performance, "Studio
// scale"); only run back to back, before the host had the memory back, were they as fast.
extern "C" {
// NOLINTNEXTLINE: jemalloc's name, looked up by the library.
extern const char *malloc_conf;
const char *malloc_conf = "thp:default,metadata_thp:disabled";
}
