<!-- include start from bgp/bgp-afi-l2vpn-advertise.xml.i -->
<node name="unicast">
  <properties>
    <help>IPv4 address family</help>
  </properties>
  <children>
    #include <include/route-map.xml.i>
  </children>
</node>
<!-- include end -->
