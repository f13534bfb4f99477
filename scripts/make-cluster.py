#!/usr/bin/env python3
"""Writes a Kubernetes manifest of a cluster of any size to stdout, for trying the GUI at scale
and for `kubestage --fps-report`:

    scripts/make-cluster.py --nodes 20 --pods 200 > /tmp/classroom.yaml

Nodes spread over three zones (4 CPUs, 16 GiB each); nine pods in ten are already bound
(spec.nodeName, round robin), the rest are pending for the scheduler. Same arguments, same file.
"""
import argparse

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--nodes", type=int, default=20)
parser.add_argument("--pods", type=int, default=200)
args = parser.parse_args()

zones = ["zone-a", "zone-b", "zone-c"]
out = []
for i in range(args.nodes):
    name = f"node-{i:04d}"
    out.append(f"""apiVersion: v1
kind: Node
metadata:
  name: {name}
  labels:
    kubernetes.io/hostname: {name}
    kubernetes.io/os: linux
    topology.kubernetes.io/zone: {zones[i % 3]}
status:
  capacity: {{cpu: "4", memory: 16Gi, pods: "110"}}
  allocatable: {{cpu: 3920m, memory: 15Gi, pods: "110"}}
  conditions:
  - {{type: Ready, status: "True"}}
""")
for j in range(args.pods):
    bound = j % 10 != 9 and args.nodes > 0
    node = f"  nodeName: node-{j % args.nodes:04d}\n" if bound else ""
    out.append(f"""apiVersion: v1
kind: Pod
metadata:
  name: pod-{j:05d}
  namespace: default
  labels: {{app: app-{j % 7}}}
spec:
{node}  containers:
  - name: main
    image: nginx:1.27
    resources:
      requests: {{cpu: 10m, memory: 32Mi}}
""")
print("---\n".join(out), end="")
