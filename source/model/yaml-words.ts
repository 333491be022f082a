// The plain words YAML 1.1, which kubectl reads, takes for something other than a string: an
// unquoted label value `yes` or `off` is a boolean there. One list for reading, hinting and
// writing YAML back.

/** Plain scalars YAML 1.1 reads as true. */
export const yamlTrueWords = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;

/** Plain scalars YAML 1.1 reads as false. */
export const yamlFalseWords = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;

/** Plain scalars YAML reads as null (the empty scalar included). */
export const yamlNullWords = /^(?:~|[Nn]ull|NULL)?$/;

/** Whether YAML 1.1 reads this plain word as a boolean. */
export function isYamlBooleanWord(text: string): boolean {
	return yamlTrueWords.test(text) || yamlFalseWords.test(text);
}
