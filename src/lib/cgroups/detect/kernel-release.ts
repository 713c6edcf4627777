// What the kernel release string says about where we run.

/**
 * 2 for a WSL2 kernel ("5.15.167.4-microsoft-standard-WSL2"), 1 for WSL1's emulated one
 * ("4.4.0-19041-Microsoft"), undefined elsewhere.
 */
export function wslGenerationOf(kernelRelease: string): 1 | 2 | undefined {
  if (/microsoft-standard|WSL2/i.test(kernelRelease)) return 2;
  if (/-Microsoft$/.test(kernelRelease.trim())) return 1;
  if (/microsoft/i.test(kernelRelease)) return 2;
  return undefined;
}
