#!/usr/bin/env python3
"""Prints a shell step of a CI file exactly as the file spells it, for scripts/test-ci.

  ci-steps.py action FILE STEP_ID   the step's `run`, with `${{ inputs.NAME }}` given as $INPUT_NAME
                                    (upper case, - as _), and its env lines as `export NAME=VALUE`
  ci-steps.py gitlab FILE JOB       the file's and the job's variables as `export NAME="VALUE"`,
                                    then the job's script lines, one a line
"""
import re
import sys

import yaml


def inputs_as_variables(text):
    def variable(match):
        return '${INPUT_' + match.group(1).upper().replace('-', '_') + '}'
    return re.sub(r'\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}', variable, text)


def action(path, step_id):
    document = yaml.safe_load(open(path))
    step = next(s for s in document['runs']['steps'] if s.get('id') == step_id)
    for name, value in (step.get('env') or {}).items():
        print(f'export {name}="{inputs_as_variables(str(value))}"')
    print(inputs_as_variables(step['run']))


def gitlab(path, job):
    document = yaml.safe_load(open(path))
    for variables in (document.get('variables') or {}, document[job].get('variables') or {}):
        for name, value in variables.items():
            print(f'export {name}="{value}"')
    for line in document[job]['script']:
        print(line)


if __name__ == '__main__':
    kind, path, name = sys.argv[1:4]
    {'action': action, 'gitlab': gitlab}[kind](path, name)
