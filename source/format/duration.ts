// One way to say how long something took, everywhere the app and the commands say it: a short
// try reads in seconds ("39 s", not "0 min"), a long one in minutes, a very long one in hours.

/** `39 s`, `4 min`, `1 h 05 min`. */
export function durationText(seconds: number): string {
	const whole = Math.max(0, Math.round(seconds));
	if (whole < 60) {
		return `${whole} s`;
	}

	const minutes = Math.round(whole / 60);
	if (minutes < 60) {
		return `${minutes} min`;
	}

	return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
