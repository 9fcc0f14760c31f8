# bash completion for wsinspector-cli: commands, each command's options, files and fixed values.
# tests/install/check_manpages.py checks that it offers every option of each command's --help.

_wsinspector_cli()
{
    local cur prev words cword
    _init_completion || return

    local command="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            connect | serve | proxy | convert | compare-transports) command=${words[i]}; break ;;
        esac
    done

    case $prev in
        --send-file | --send-file-text | --ca | --cert | --key | --har | --headers-file)
            _filedir
            return ;;
        --mode)
            COMPREPLY=($(compgen -W 'echo broadcast manual silent reject' -- "$cur"))
            return ;;
        --engine)
            COMPREPLY=($(compgen -W 'builtin qt' -- "$cur"))
            return ;;
        --tls-min)
            COMPREPLY=($(compgen -W '1.2 1.3' -- "$cur"))
            return ;;
        --protocol)
            COMPREPLY=($(compgen -W 'auto none socketio stomp graphql-ws jsonrpc mqtt signalr' -- "$cur"))
            return ;;
        --header | --subprotocol | --origin | --send | --send-hex | --send-base64 | --ping | --raw-frame | \
            --repeat | --interval-ms | --var | --wait-ms | --close | --timeout-ms | --cert-password | \
            --reconnect-initial-ms | --reconnect-max-ms | --reconnect-max-attempts | --keepalive-ms | \
            --keepalive-timeout-ms | --endpoint | --host | --port | --reject-status | --allow-origin | \
            --max-clients | --idle-timeout-ms | --duration-ms | --session-budget-mb | --to | --messages | \
            --client-messages | --poll-interval-ms)
            return ;;
    esac

    local options
    case $command in
        connect)
            options='--endpoint --header --subprotocol --origin --send --send-hex --send-base64 --send-file
                --send-file-text --ping --ping-empty --raw-frame --repeat --interval-ms --var --no-vars
                --no-auto-pong --wait-ms --close --timeout-ms --no-frames --session-budget-mb --protocol --no-protocol-duties --pair-request --pair-reply
                --pair-name --insecure --ca --cert --key
                --cert-password --no-intercept --tls-min --reconnect --reconnect-initial-ms --reconnect-max-ms
                --reconnect-max-attempts --reconnect-after-clean-close --keepalive-ms --keepalive-timeout-ms
                --keepalive-close --har --reveal-secrets --help --help-all --version' ;;
        serve)
            options='--host --port --mode --engine --reject-status --subprotocol --allow-origin --tls --cert --key
                --max-clients --idle-timeout-ms --duration-ms --no-frames --deflate --no-deflate --session-budget-mb
                --help --help-all --version' ;;
        proxy)
            options='--to --host --port --keep-host --insecure --ca --tls-min --duration-ms --no-frames
                --session-budget-mb --chromium --chromium-headless --hold --replace --drop --help --help-all --version' ;;
        convert)
            if [[ $cur != -* ]]; then
                _filedir '@(jsonl|ndjson|log|har)'
                return
            fi
            options='--reveal-secrets --help --help-all' ;;
        compare-transports)
            options='--messages --client-messages --duration-ms --poll-interval-ms --headers-file --help --help-all' ;;
        *)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--help --help-all --version' -- "$cur"))
            else
                COMPREPLY=($(compgen -W 'connect serve proxy convert compare-transports' -- "$cur"))
            fi
            return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ $command == connect ]]; then
        COMPREPLY=($(compgen -W 'ws:// wss://' -- "$cur"))
        compopt -o nospace
    fi
} &&
    complete -F _wsinspector_cli wsinspector-cli
