# Starting configuration of the EMULATED RouterOS router (lab data, written for the lab in
# the layout of the public RouterOS 7 exports in lab/emulators/captures/routeros/; addresses
# from the documentation ranges). A VLAN-filtering bridge with office data, guest and
# management VLANs, a WAN port, defconf-style firewall and NAT: none of it is the
# collection's.
/interface bridge add admin-mac=48:A9:8A:10:20:30 auto-mac=no comment=defconf name=bridge1 vlan-filtering=yes
/interface ethernet set [ find default-name=ether1 ] comment=WAN
/interface ethernet set [ find default-name=ether2 ] comment="uplink to core switch"
/interface ethernet set [ find default-name=ether3 ] comment="desk 3.14 phone+PC"
/interface vlan add comment="office data" interface=bridge1 name=vlan10-DATA vlan-id=10
/interface vlan add comment=guest interface=bridge1 name=vlan20-GUEST vlan-id=20
/interface vlan add comment=management interface=bridge1 name=vlan99-MGMT vlan-id=99
/interface list add comment=defconf name=WAN
/interface list add comment=defconf name=LAN
/ip pool add name=pool-data ranges=192.0.2.100-192.0.2.199
/ip pool add name=pool-guest ranges=198.51.100.140-198.51.100.190
/ip dhcp-server add address-pool=pool-data interface=vlan10-DATA lease-time=1d name=dhcp-data
/ip dhcp-server add address-pool=pool-guest interface=vlan20-GUEST lease-time=2h name=dhcp-guest
/interface bridge port add bridge=bridge1 comment=defconf interface=ether2
/interface bridge port add bridge=bridge1 comment=defconf interface=ether3 pvid=10
/interface bridge port add bridge=bridge1 comment=defconf interface=ether4 pvid=10
/interface bridge port add bridge=bridge1 comment=defconf interface=ether5 pvid=20
/ip neighbor discovery-settings set discover-interface-list=LAN
/interface bridge vlan add bridge=bridge1 comment="office data" tagged=bridge1,ether2 untagged=ether3,ether4 vlan-ids=10
/interface bridge vlan add bridge=bridge1 comment=guest tagged=bridge1,ether2 untagged=ether5 vlan-ids=20
/interface bridge vlan add bridge=bridge1 comment=management tagged=bridge1,ether2 vlan-ids=99
/interface list member add comment=defconf interface=bridge1 list=LAN
/interface list member add comment=defconf interface=ether1 list=WAN
/ip address add address=192.0.2.1/24 comment="office data" interface=vlan10-DATA
/ip address add address=198.51.100.129/25 comment=guest interface=vlan20-GUEST
/ip address add address=198.51.100.30/26 comment=management interface=vlan99-MGMT
/ip address add address=203.0.113.2/24 comment=WAN interface=ether1
/ip dhcp-server network add address=192.0.2.0/24 dns-server=192.0.2.1 gateway=192.0.2.1
/ip dhcp-server network add address=198.51.100.128/25 dns-server=198.51.100.129 gateway=198.51.100.129
/ip dns set allow-remote-requests=yes servers=192.0.2.53
/ip firewall address-list add address=192.0.2.0/24 comment="office data" list=office
/ip firewall address-list add address=198.51.100.0/26 comment=management list=mgmt
/ip firewall filter add action=accept chain=input comment="defconf: accept established,related,untracked" connection-state=established,related,untracked
/ip firewall filter add action=drop chain=input comment="defconf: drop invalid" connection-state=invalid
/ip firewall filter add action=accept chain=input comment="defconf: accept ICMP" protocol=icmp
/ip firewall filter add action=accept chain=input comment="admin from mgmt" dst-port=22 protocol=tcp src-address-list=mgmt
/ip firewall filter add action=drop chain=input comment="defconf: drop all not coming from LAN" in-interface-list=!LAN
/ip firewall filter add action=fasttrack-connection chain=forward comment="defconf: fasttrack" connection-state=established,related hw-offload=yes
/ip firewall filter add action=accept chain=forward comment="defconf: accept established,related, untracked" connection-state=established,related,untracked
/ip firewall filter add action=drop chain=forward comment="defconf: drop invalid" connection-state=invalid
/ip firewall filter add action=drop chain=forward comment="guest may not reach office" dst-address-list=office in-interface=vlan20-GUEST
/ip firewall filter add action=drop chain=forward comment="defconf: drop all from WAN not DSTNATed" connection-nat-state=!dstnat connection-state=new in-interface-list=WAN
/ip firewall nat add action=masquerade chain=srcnat comment="defconf: masquerade" ipsec-policy=out,none out-interface-list=WAN
/ip route add comment=ISP dst-address=0.0.0.0/0 gateway=203.0.113.1
/ip service set telnet disabled=yes
/ip service set ftp disabled=yes
/ip service set www disabled=yes
/ip service set api disabled=yes
/system clock set time-zone-name=Europe/Stockholm
/system identity set name={hostname}
/system ntp client set enabled=yes servers=192.0.2.123
