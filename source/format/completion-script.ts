// The shell completion scripts `netpol-dojo completion bash|zsh` prints, built from the table of
// commands and options the argument parser reads (cli/options.ts), so that completion offers
// exactly the options each command takes. One bash function does the work; zsh runs it through
// its bash completion support (bashcompinit), so both shells complete alike.

/** What an option's value is; a flag has none. */
export type CompletedValue = 'file' | 'directory' | 'protocol' | 'text';

/** One command (or `pack ACTION`) as completion sees it. */
export type CompletedCommand = {
	readonly options: Readonly<Record<string, {readonly type: 'boolean'} | {readonly type: 'string'; readonly value: CompletedValue}>>;
	readonly operands: 'files' | 'challenge-then-file' | 'challenge' | 'directory' | 'shell' | 'none';
};

export type CompletionSpec = {
	readonly commands: Readonly<Record<string, CompletedCommand>>;
	/** The options before any command: the app's. */
	readonly appOptions: CompletedCommand['options'];
	/** The built-in pack's challenge ids, offered to `grade` when no --pack is given. */
	readonly challengeIds: readonly string[];
	readonly shells: readonly string[];
};

// Words in a script: the ids and names come from the package itself, but a word that is not
// plainly safe in single quotes would break the script, so it is left out rather than escaped.
function words(list: readonly string[]): string {
	return list.filter(word => /^[\w.-]+$/.test(word)).join(' ');
}

function optionWords(options: CompletedCommand['options'], extra: readonly string[]): string {
	return words([...Object.keys(options).map(name => `--${name}`), ...extra]);
}

/** The bash function `_netpol_dojo` and its registration. */
export function bashCompletion(spec: CompletionSpec): string {
	const entries = Object.entries(spec.commands);
	const topCommands = [...new Set(entries.map(([name]) => name.split(' ')[0]!))];
	const packActions = entries.map(([name]) => name.split(' ')).filter(parts => parts[0] === 'pack' && parts.length === 2).map(parts => parts[1]!);
	const optionCases = [
		`\t\t'') REPLY='${optionWords(spec.appOptions, ['--help', '--version'])}' ;;`,
		...(packActions.length > 0 ? ['\t\tpack) REPLY=\'--help\' ;;'] : []),
		...entries.map(([name, command]) => `\t\t'${name}') REPLY='${optionWords(command.options, ['--help'])}' ;;`),
	];
	const valueCases = [
		...Object.entries(spec.appOptions).filter(([, option]) => option.type === 'string').map(([option, value]) => `\t\t' --${option}') REPLY=${(value as {value: string}).value} ;;`),
		...entries.flatMap(([name, command]) => Object.entries(command.options)
			.filter(([, option]) => option.type === 'string')
			.map(([option, value]) => `\t\t'${name} --${option}') REPLY=${(value as {value: string}).value} ;;`)),
	];
	const operandGroups = (kind: CompletedCommand['operands']) => entries.filter(([name, command]) => command.operands === kind && !name.includes(' ')).map(([name]) => name);
	const fileCommands = operandGroups('files');
	const quietCommands = operandGroups('none');
	return `# bash completion for netpol-dojo: commands, each command's options, challenge ids
# for grade, and files elsewhere. Load it with: source <(netpol-dojo completion bash)

# The options of a command ('' before any command, 'pack ACTION' for pack's actions).
_netpol_dojo_options() {
	case "$1" in
${optionCases.join('\n')}
		*) REPLY='--help' ;;
	esac
}

# What the value of option $2 of command $1 is: file, directory, protocol or text; empty for a flag.
_netpol_dojo_value() {
	case "$1 $2" in
${valueCases.join('\n')}
		*) REPLY='' ;;
	esac
}

# Sets COMPREPLY to the lines of $1, as they are: names with spaces or "*" stay whole.
_netpol_dojo_reply() {
	local line
	COMPREPLY=()
	while IFS= read -r line; do
		[[ -n $line ]] && COMPREPLY+=("$line")
	done <<<"$1"
}

_netpol_dojo() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev='' command='' action='' pack='' classwide='' word i REPLY
	local -a operands=()
	((COMP_CWORD > 0)) && prev=\${COMP_WORDS[COMP_CWORD-1]}
	# bash splits --pack=DIR at "=" (COMP_WORDBREAKS): complete DIR as --pack's value.
	if [[ $cur == '=' ]]; then
		cur=''
	elif [[ $prev == '=' ]] && ((COMP_CWORD > 1)); then
		prev=\${COMP_WORDS[COMP_CWORD-2]}
	fi

	# The words before: the command, pack's action, the operands so far, and --pack's folder.
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=\${COMP_WORDS[i]}
		if [[ $word == -* ]]; then
			[[ $word == --submissions* || $word == --class* || $word == --junit* ]] && classwide=yes
			_netpol_dojo_value "$command\${action:+ $action}" "\${word%%=*}"
			if [[ $word == *=* ]]; then
				[[ $word == --pack=* ]] && pack=\${word#*=}
			elif [[ -n $REPLY ]]; then
				# The value is the next word, after the "=" bash split off, if any.
				((i++))
				[[ \${COMP_WORDS[i]} == '=' ]] && ((i++))
				[[ $word == --pack ]] && pack=\${COMP_WORDS[i]}
			fi
		elif [[ -z $command ]]; then
			command=$word
		elif [[ $command == pack && -z $action ]]; then
			action=$word
		else
			operands+=("$word")
		fi
	done

	# The value of an option.
	if [[ $prev == -* && $prev != *=* ]]; then
		_netpol_dojo_value "$command\${action:+ $action}" "$prev"
		case $REPLY in
			file) _netpol_dojo_reply "$(compgen -f -- "$cur")"; return 0 ;;
			directory) _netpol_dojo_reply "$(compgen -d -- "$cur")"; return 0 ;;
			protocol) _netpol_dojo_reply "$(compgen -W 'TCP UDP SCTP' -- "$cur")"; return 0 ;;
			text) COMPREPLY=(); return 0 ;;
		esac
	fi

	if [[ $cur == -* ]]; then
		_netpol_dojo_options "$command\${action:+ $action}"
		_netpol_dojo_reply "$(compgen -W "$REPLY" -- "$cur")"
		return 0
	fi

	COMPREPLY=()
	case $command in
		'')
			_netpol_dojo_reply "$(compgen -W '${words(topCommands)}' -- "$cur")" ;;
		pack)
			if [[ -z $action ]]; then
				_netpol_dojo_reply "$(compgen -W '${words(packActions)}' -- "$cur")"
			elif ((\${#operands[@]} == 0)); then
				_netpol_dojo_reply "$(compgen -d -- "$cur")"
			fi ;;
		grade|shell)
			# grade CHALLENGE POLICY.yaml, shell CHALLENGE; grade --submissions or --class: no operand.
			if [[ -n $classwide ]]; then
				:
			elif ((\${#operands[@]} == 0)); then
				if [[ -n $pack ]]; then
					# The challenges of that pack: its folders with a challenge.yaml.
					local ids='' folder
					for folder in "\${pack/#\\~/$HOME}"/*/challenge.yaml; do
						[[ -f $folder ]] || continue
						folder=\${folder%/challenge.yaml}
						ids+="\${folder##*/} "
					done
					_netpol_dojo_reply "$(compgen -W "$ids" -- "$cur")"
				else
					_netpol_dojo_reply "$(compgen -W '${words(spec.challengeIds)}' -- "$cur")"
				fi
			elif [[ $command == grade ]] && ((\${#operands[@]} == 1)); then
				_netpol_dojo_reply "$(compgen -f -- "$cur")"
			fi ;;
		completion)
			((\${#operands[@]} == 0)) && _netpol_dojo_reply "$(compgen -W '${words(spec.shells)}' -- "$cur")" ;;
		${quietCommands.length > 0 ? `${quietCommands.join('|')})
			;;
		` : ''}${fileCommands.join('|')})
			_netpol_dojo_reply "$(compgen -f -- "$cur")" ;;
	esac
	return 0
}

complete -o filenames -F _netpol_dojo netpol-dojo
`;
}

/** The same function for zsh, through zsh's bash completion support. */
export function zshCompletion(spec: CompletionSpec): string {
	return `#compdef netpol-dojo
# zsh completion for netpol-dojo: commands, each command's options, challenge ids
# for grade, and files elsewhere. Load it with: source <(netpol-dojo completion zsh)
# It runs the bash completion function below through zsh's bashcompinit.
(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }
autoload -U +X bashcompinit && bashcompinit

${bashCompletion(spec)}`;
}
