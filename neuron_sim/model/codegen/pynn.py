"""A spiking network as a PyNN script: `IF_curr_delta` populations, the sources as a
`SpikeSourceArray` with neuron-sim's spike times, `Projection`s with weights and delays; the
simulator (pyNN.brian2, or pyNN.nest) is chosen at the top. Where PyNN's standard cell differs from
neuron-sim's model, a note at the top of the script says how (docs/code-export.md)."""

from __future__ import annotations

from neuron_sim.model.codegen.common import (
    CodeExport,
    ExportOptions,
    Note,
    Writer,
    header,
    json_footer,
    number,
    numbers,
    resolve_steps,
    strings,
)
from neuron_sim.model.codegen.spike_plan import SpikingPlan, names, source_schedule, spiking_plan, uniform
from neuron_sim.model.entities import Neuron
from neuron_sim.model.network import Network

# (PyNN parameter, how it is computed from a neuron) for IF_curr_delta, with cm = 1 nF
CM_NF = 1.0
CELL_PARAMETERS = (
    ("tau_m", lambda n: n.tau_ms),
    ("v_rest", lambda n: n.v_rest_mV),
    ("v_reset", lambda n: n.v_reset_mV),
    ("v_thresh", lambda n: n.v_threshold_mV),
    ("i_offset", lambda n: n.drive_mV * CM_NF / n.tau_ms),  # τ·dv/dt = drive ⇔ cm·dv/dt = i_offset
)


def generate_pynn(network: Network, options: ExportOptions) -> CodeExport:
    plan = spiking_plan(network, "PyNN")
    steps = resolve_steps(network, options)
    notes = _notes(plan)
    write = Writer(options.lang)
    header(write, network, "target_pynn", steps, notes)
    write("", "import json", "", "import numpy as np", "from pyNN.parameters import Sequence", "")
    write.say("pynn_backend")
    write("import pyNN.brian2 as sim  # or: import pyNN.nest as sim", "")
    write.say("ids")
    write(f"IDS = {strings(network.neurons)}")
    write.say("steps")
    write(f"STEPS = {steps}", f"DT_MS = {number(plan.dt_ms)}", "sim.setup(timestep=DT_MS, min_delay=DT_MS)")
    if plan.sources:
        write.say("pynn_brian2_clock")
        write('if sim.__name__ == "pyNN.brian2":', "    import brian2", "",
              "    brian2.defaultclock.dt = DT_MS * brian2.ms")
    groups = _cells(write, plan)
    source_schedule(write, plan)
    if plan.sources:
        write("", "")
        write.say("sources", ids=", ".join(n.id for n in plan.sources))
        write.say("pynn_sources")
        write(f"SOURCES = {names(plan.sources)}",
              "spike_times = [Sequence(steps * DT_MS) for steps in SOURCE_STEPS]")
        if len(plan.sources) == 1:
            write.say("pynn_spare_source")
            write("spike_times.append(Sequence([]))")
        write("sources = sim.Population(len(spike_times), sim.SpikeSourceArray(spike_times=spike_times), "
              'label="sources")', 'sources.record("spikes")')
    _projections(write, plan, groups)
    write("", "sim.run(STEPS * DT_MS)")
    _output(write, plan, groups)
    write("sim.end()")
    json_footer(write, spikes=True)
    return CodeExport(write.text(), notes)


def _notes(plan: SpikingPlan) -> list[Note]:
    notes = []
    if plan.cells:
        notes += [Note("pynn_threshold"), Note("pynn_volts")]
    zero = [s for s, k in zip(plan.synapses, plan.delay_steps(plan.synapses)) if k == 0]
    if zero:
        shown = ", ".join(f"{s.source} → {s.target}" for s in zero[:5]) + (", …" if len(zero) > 5 else "")
        notes.append(Note("pynn_zero_delay", {"synapses": shown, "dt": f"{plan.dt_ms:g}"}))
    return notes


def _refractory_groups(plan: SpikingPlan) -> list[tuple[float, list[Neuron]]]:
    groups: dict[float, list[Neuron]] = {}
    for n in plan.cells:
        groups.setdefault(n.refractory_ms, []).append(n)
    return list(groups.items())


def _cells(write: Writer, plan: SpikingPlan) -> list[tuple[str, list[Neuron]]]:
    if not plan.cells:
        return []
    write("", "")
    write.say("lif_model")
    write.say("pynn_cells")
    result = []
    for k, (refractory, members) in enumerate(_refractory_groups(plan), start=1):
        name = f"cells_{k}"
        write(f"{name.upper()} = {names(members)}")
        arguments = []
        for parameter, value_of in CELL_PARAMETERS:
            values = [float(value_of(n)) for n in members]
            same = uniform(values)
            arguments.append(f"{parameter}={number(same) if same is not None else numbers(values)}")
        arguments += [f"cm={number(CM_NF)}", f"tau_refrac={number(refractory)}"]
        write(f"{name} = sim.Population(len({name.upper()}), sim.IF_curr_delta(")
        write(*[f"    {argument}," for argument in arguments])
        write(f'), label="{name}")')
        initial = [n.initial_v_mV for n in members]
        same = uniform(initial)
        write(f"{name}.initialize(v={number(same) if same is not None else numbers(initial)})",
              f'{name}.record(["v", "spikes"])')
        result.append((name, members))
    return result


def _projections(write: Writer, plan: SpikingPlan, groups: list[tuple[str, list[Neuron]]]) -> None:
    if not plan.synapses:
        return
    where = {}
    for name, members in groups:
        where.update({n.id: (name, i) for i, n in enumerate(members)})
    where.update({n.id: ("sources", i) for i, n in enumerate(plan.sources)})
    delays = dict(zip((s.key for s in plan.synapses), plan.delay_steps(plan.synapses)))
    # one Projection per (pre, post, sign): PyNN wants inhibitory weights on the inhibitory receptor
    projections: dict[tuple[str, str, str], list] = {}
    for s in plan.synapses:
        pre, i = where[s.source]
        post, j = where[s.target]
        receptor = "inhibitory" if s.weight < 0 else "excitatory"
        projections.setdefault((pre, post, receptor), []).append((i, j, s, max(delays[s.key], 1)))
    write("", "")
    write.say("synapses")
    write.say("pynn_delays")
    for (pre, post, receptor), connections in projections.items():
        write(f"sim.Projection({pre}, {post}, sim.FromListConnector([")
        for i, j, s, steps in connections:
            write(f"    ({i}, {j}, {number(s.weight)}, {number(steps * plan.dt_ms)}),  # {s.source} → {s.target}")
        write(f'], column_names=["weight", "delay"]), sim.StaticSynapse(), receptor_type="{receptor}")')


def _output(write: Writer, plan: SpikingPlan, groups: list[tuple[str, list[Neuron]]]) -> None:
    write("", "")
    write.say("spiking_output")
    write("column = {nid: c for c, nid in enumerate(IDS)}",
          "rows = np.zeros((STEPS, len(IDS)))",
          "spikes = {nid: [] for nid in IDS}")
    populations = [(name, name.upper(), False) for name, _ in groups]
    if plan.sources:
        populations.append(("sources", "SOURCES", True))
    write(f"for population, members, is_source in [{', '.join(f'({p}, {m}, {s})' for p, m, s in populations)}]:",
          "    data = population.get_data().segments[0]",
          "    for i, train in enumerate(data.spiketrains[:len(members)]):",
          "        for t in np.asarray(train.magnitude):",
          "            k = int(round(t / DT_MS))",
          "            spikes[members[i]].append(round(k * DT_MS, 9))",
          "            if is_source:",
          "                rows[k, column[members[i]]] = 1.0",
          "    if not is_source:",
          "        v = np.asarray(data.filter(name=\"v\")[0])  # the first row is the start, before step 0",
          "        rows[:, [column[nid] for nid in members]] = v[1:STEPS + 1]",
          "activity = rows.tolist()")
