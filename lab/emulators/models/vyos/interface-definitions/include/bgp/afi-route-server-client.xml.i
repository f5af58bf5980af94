<!-- include start from bgp/afi-route-server-client.xml.i -->
<leafNode name="route-server-client">
  <properties>
    <help>Peer is a route server client</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->