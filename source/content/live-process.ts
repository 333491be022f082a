// Whether a process id names a running process on this machine: how a lock or a temp file
// left by a process killed mid-write is told from one another process is still using.
import process from 'node:process';

/** True when a process of this id runs here (of any user); false when none does. */
export function isProcessAlive(pid: number): boolean {
	if (!Number.isSafeInteger(pid) || pid <= 0) {
		return false;
	}

	try {
		// Signal 0 checks that the process exists without signalling it.
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to another user.
		return (error as {code?: unknown}).code === 'EPERM';
	}
}
