<!-- include start from bgp/afi-route-reflector-client.xml.i -->
<leafNode name="route-reflector-client">
  <properties>
    <help>Peer is a route reflector client</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
